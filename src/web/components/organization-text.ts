import type { Organization, OrganizationType } from '../api.ts';
import type { Language, MessageKey } from '../i18n/i18n.tsx';

// Display order: the organizations a job seeker is most likely looking for first.
export const organizationTypeOrder = [
  'employment_service_provider',
  'social_assistance_office',
  'training_organization',
  'community_agency',
  'employer',
  'system_manager',
] as const satisfies readonly OrganizationType[];

// Fails to compile when the server adds a type this list does not show.
type Unlisted = Exclude<OrganizationType, (typeof organizationTypeOrder)[number]>;
const everyTypeListed: Unlisted extends never ? true : never = true;
void everyTypeListed;

export function organizationTypeKey(type: OrganizationType): MessageKey {
  return `organizationType.${type}`;
}

export function organizationTypePluralKey(type: OrganizationType): MessageKey {
  return `organizationTypePlural.${type}`;
}

export function isOrganizationType(value: string | null): value is OrganizationType {
  return organizationTypeOrder.some((type) => type === value);
}

// The French name when the page is in French and the organization has one.
export function organizationName(organization: Pick<Organization, 'name' | 'nameFr'>, language: Language): string {
  return language === 'fr' && organization.nameFr ? organization.nameFr : organization.name;
}

// Canada Post order: street, then "City PROVINCE POSTAL CODE".
export function addressLines(site: {
  streetAddress: string;
  city: string;
  province: string;
  postalCode: string;
}): [string, string] {
  return [site.streetAddress, `${site.city} ${site.province} ${site.postalCode}`];
}
