import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { bulkLoad } from './copy.ts';

describeEachEngine('bulk load (COPY)', ({ handle }) => {
  it('round-trips awkward text exactly', async () => {
    const name = `Zoë\tO'Brien-Nguyễn \\ "quoted"\nsecond line ${crypto.randomBytes(3).toString('hex')}`;
    const id = crypto.randomUUID();
    await bulkLoad(handle(), (loader) =>
      loader.copy('organizations', ['id', 'name', 'type', 'offers_french'], [[id, name, 'community_agency', true]]),
    );
    const row = await handle()
      .db.selectFrom('organizations')
      .select(['name', 'offersFrench'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name, offersFrench: true });
  });

  it('loads many rows in chunks and reports progress', async () => {
    const prefix = `Bulk ${crypto.randomBytes(3).toString('hex')}`;
    const progress: number[] = [];
    function* rows() {
      for (let i = 0; i < 60_000; i++) yield [crypto.randomUUID(), `${prefix} ${i}`, 'employer'] as const;
    }
    const loaded = await bulkLoad(handle(), (loader) =>
      loader.copy('organizations', ['id', 'name', 'type'], rows(), { onProgress: (n) => progress.push(n) }),
    );
    expect(loaded).toBe(60_000);
    expect(progress.at(-1)).toBe(60_000);
    expect(progress.length).toBeGreaterThan(1);
    const count = await handle()
      .db.selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', 'like', `${prefix} %`)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(60_000);
  });

  it('leaves nothing behind when any part of the load fails', async () => {
    const prefix = `Atomic ${crypto.randomBytes(3).toString('hex')}`;
    await expect(
      bulkLoad(handle(), async (loader) => {
        await loader.copy('organizations', ['id', 'name', 'type'], [[crypto.randomUUID(), `${prefix} ok`, 'employer']]);
        // The second table's row breaks a CHECK constraint: the first table's rows must vanish too.
        await loader.copy('organizations', ['id', 'name', 'type'], [[crypto.randomUUID(), `${prefix} bad`, 'bank']]);
      }),
    ).rejects.toThrow(/check constraint|violates/i);
    const rows = await handle()
      .db.selectFrom('organizations')
      .select('id')
      .where('name', 'like', `${prefix}%`)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses identifiers that are not plain SQL names', async () => {
    await expect(
      bulkLoad(handle(), (loader) => loader.copy('organizations; drop table sites', ['id'], [])),
    ).rejects.toThrow(/Not a plain SQL identifier/);
  });
});
