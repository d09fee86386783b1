import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of docs/architecture.md, checked on the import graph (issue 9, point 1). A room is a
// top-level folder of src/ (access, db, lib, server, cli, web, synthetic) or one domain module. Only
// imports that exist at run time count: `import type` is erased by the compiler.

const src = path.dirname(fileURLToPath(import.meta.url));

type Edge = { from: string; to: string };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']+)'/gms)) {
    if (m[1]) continue;
    // `import { type A, type B } from …` is erased as well.
    const names = m[2] ?? '';
    if (
      /^\{[^}]*\}$/s.test(names.trim()) &&
      names
        .replace(/[{}]/g, '')
        .split(',')
        .every((n) => n.trim() === '' || n.trim().startsWith('type '))
    )
      continue;
    found.push(path.normalize(path.join(path.dirname(file), m[3]!)));
  }
  return found;
}

function roomOf(file: string): string {
  const [top, module] = path.relative(src, file).split(path.sep);
  return top === 'domain' ? `domain/${module}` : top!;
}

const files = sourceFiles(src);
const fileEdges: Edge[] = files.flatMap((from) => runtimeImports(from).map((to) => ({ from, to })));
function roomGraph(edges: Edge[]): Map<string, Set<string>> {
  const rooms = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const [a, b] = [roomOf(from), roomOf(to)];
    if (a === b) continue;
    if (!rooms.has(a)) rooms.set(a, new Set());
    rooms.get(a)!.add(b);
  }
  return rooms;
}
const roomEdges = roomGraph(fileEdges);
// For cycles, an import of another module's `*-facts.ts` file does not tie the two modules together: a
// facts file imports only db/ and lib/ (checked below), so nothing can lead back from it.
const isFacts = (file: string) => /-facts\.ts$/.test(file);
const moduleEdges = roomGraph(fileEdges.filter(({ to }) => !isFacts(to)));

// Strongly connected groups of more than one room (Tarjan): each is an import cycle.
function cycles(edges: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

describe('the layers', () => {
  it('reads every source file it should', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(fileEdges.length).toBeGreaterThan(500);
  });

  it('has no import cycle between rooms', () => {
    expect(cycles(moduleEdges)).toEqual([]);
  });

  it('keeps the access layer below the modules: it imports only db/, lib/ and itself', () => {
    const out = [...(roomEdges.get('access') ?? [])].sort();
    expect(out.filter((r) => !['db', 'lib'].includes(r))).toEqual([]);
  });

  it('keeps lib/ and db/ at the bottom, and the domain off the server (type imports aside)', () => {
    expect([...(roomEdges.get('lib') ?? [])]).toEqual([]);
    expect([...(roomEdges.get('db') ?? [])].filter((r) => r !== 'lib')).toEqual([]);
    for (const [from, to] of roomEdges) {
      if (from.startsWith('domain/'))
        expect(
          [...to].filter((r) => ['server', 'cli', 'web'].includes(r)),
          from,
        ).toEqual([]);
    }
  });

  it('lets a facts file read only db/ and lib/', () => {
    const wrong = fileEdges
      .filter(
        ({ from, to }) =>
          /-facts\.ts$/.test(from) && !['db', 'lib'].includes(roomOf(to)) && roomOf(to) !== roomOf(from),
      )
      .map(({ from, to }) => `${path.relative(src, from)} → ${path.relative(src, to)}`);
    expect(wrong).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
          ['d', new Set(['a'])],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });
});
