import fs from 'node:fs';

// CPU seconds (user and system) a process has used, from /proc (Linux); 0 for a process gone.
export function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

// The CPU seconds of every PostgreSQL process of the machine (the server beside the benchmark), by pid.
export type PostgresCpu = Map<number, number>;

export function postgresCpu(): PostgresCpu {
  const byPid: PostgresCpu = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes('(postgres)')) byPid.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return byPid;
}

// What PostgreSQL's processes used since `before`: each process alive now, less what it had used then (a
// process started since counts whole). A process that ended meanwhile (a pool closing an idle
// connection) is left out rather than subtracted, so the figure never goes below zero.
export function postgresCpuSince(before: PostgresCpu): number {
  let used = 0;
  for (const [pid, seconds] of postgresCpu()) used += seconds - (before.get(pid) ?? 0);
  return used;
}
