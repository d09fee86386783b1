import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import { routes } from '../../test/route-matrix.ts';
import { matrixParts } from '../../test/route-matrix-parts.ts';
import type { AppInstance } from '../server/app.ts';

// The route × role × organization matrix (test/route-matrix.ts) runs in several files, one per part of
// the API, in parallel; this one checks that the fixtures cover every live route, each in one part.
describeEachEngine('route matrix coverage', ({ handle }) => {
  let app: AppInstance;
  beforeAll(async () => {
    app = await testApp(handle());
  });
  afterAll(async () => app.close());

  it('has fixtures for every route the server has, each in exactly one part', () => {
    const covered = new Set(routes.map((r) => r.route));
    const live = app.routePermissions.map((r) => `${r.method} ${r.url}`);
    expect(live.filter((r) => !covered.has(r))).toEqual([]);
    for (const r of routes) {
      expect(app.routePermissions.find((p) => `${p.method} ${p.url}` === r.route)?.permission, r.route).toBe(r.action);
      expect(
        Object.entries(matrixParts)
          .filter(([, part]) => part(r.route))
          .map(([name]) => name),
        r.route,
      ).toHaveLength(1);
    }
  });
});
