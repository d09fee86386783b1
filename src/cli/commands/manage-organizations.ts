import fs from 'node:fs';
import { Command, Option } from 'commander';
import { systemActor } from '../../access/actor.ts';
import { withTransaction } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { loadConfig } from '../../server/config.ts';
import {
  newOrganizationSchema,
  organizationListQuerySchema,
  organizationTypes,
} from '../../domain/organizations/organization.ts';
import { createOrganization, listOrganizations } from '../../domain/organizations/organization.service.ts';
import { openDatabaseFromConfig } from '../../server/main.ts';
import { CliError } from '../errors.ts';
import { nulFields } from '../../lib/nul.ts';

type CreateOptions = {
  file?: string;
  name?: string;
  nameFr?: string;
  type?: string;
  website?: string;
  phone?: string;
  email?: string;
  offersFrench?: boolean;
  siteName?: string;
  street?: string;
  city?: string;
  postalCode?: string;
};

function readInput(options: CreateOptions): unknown {
  if (options.file) {
    let text: string;
    try {
      text = fs.readFileSync(options.file === '-' ? 0 : options.file, 'utf8');
    } catch (error) {
      throw new CliError(`Cannot read ${options.file}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${options.file} is not valid JSON: ${(error as Error).message}`);
    }
    const withNul = nulFields(parsed, 'file');
    if (withNul.length > 0)
      throw new CliError(
        `${options.file} holds a NUL character (\\u0000), which no field accepts: ${withNul.join(', ')}.`,
      );
    return parsed;
  }
  const siteGiven = options.street !== undefined || options.postalCode !== undefined || options.siteName !== undefined;
  return {
    name: options.name,
    ...(options.nameFr ? { nameFr: options.nameFr } : {}),
    type: options.type,
    ...(options.website ? { website: options.website } : {}),
    ...(options.phone ? { phone: options.phone } : {}),
    ...(options.email ? { email: options.email } : {}),
    offersFrench: options.offersFrench ?? false,
    sites: siteGiven
      ? [
          {
            name: options.siteName ?? options.name,
            streetAddress: options.street,
            postalCode: options.postalCode,
            ...(options.city ? { city: options.city } : {}),
          },
        ]
      : [],
  };
}

export function orgCommand(): Command {
  const org = new Command('org').description('Manage organizations (agencies, offices, employers) and their sites');
  org
    .command('create')
    .description(
      'Create an organization, with one site from the options or any number from a JSON file.\n' +
        'Example: continuum org create --name "Northwood Employment Centre" --type employment_service_provider \\\n' +
        '           --street "2100 Finch Ave W" --postal-code "M3N 2Z9"',
    )
    .option('-f, --file <path>', 'JSON file with the organization (fields as in the API; "-" reads standard input)')
    .option('--name <name>', 'name')
    .option('--name-fr <name>', 'French name, if the organization has one')
    .addOption(new Option('--type <type>', 'organization type').choices(organizationTypes))
    .option('--website <url>', 'website (http or https)')
    .option('--phone <phone>', 'phone number')
    .option('--email <email>', 'contact email')
    .option('--offers-french', 'offers services in French')
    .option('--site-name <name>', 'site name (defaults to the organization name)')
    .option('--street <address>', 'site street address')
    .option('--city <city>', 'site city (default Toronto)')
    .option('--postal-code <code>', 'site postal code, e.g. M5V 3L9')
    .action(async (options: CreateOptions) => {
      if (!options.file && (!options.name || !options.type)) {
        throw new CliError('Give --name and --type, or --file with a JSON organization.');
      }
      const input = newOrganizationSchema.parse(readInput(options));
      const handle = await openDatabaseFromConfig(loadConfig(), 'continuum org create');
      try {
        await migrate(handle.db);
        const created = await withTransaction(handle.db, (trx) => createOrganization(trx, systemActor('cli'), input));
        console.log(JSON.stringify(created, null, 2));
      } finally {
        await handle.close();
      }
    });
  org
    .command('list')
    .description('List organizations as JSON (the same envelope as GET /api/organizations)')
    .addOption(new Option('--type <type>', 'only this type').choices(organizationTypes))
    .option('-q, --query <text>', 'name contains')
    .option('--page <n>', 'page', '1')
    .option('--per-page <n>', 'rows per page (max 100)', '25')
    .action(async (options: { type?: string; query?: string; page: string; perPage: string }) => {
      const query = organizationListQuerySchema.parse({
        ...(options.type ? { type: options.type } : {}),
        ...(options.query ? { q: options.query } : {}),
        page: options.page,
        perPage: options.perPage,
      });
      const handle = await openDatabaseFromConfig(loadConfig(), 'continuum org list');
      try {
        console.log(JSON.stringify(await listOrganizations(handle.db, systemActor('cli'), query), null, 2));
      } finally {
        await handle.close();
      }
    });
  return org;
}
