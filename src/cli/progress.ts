// A progress bar on stderr for long CLI work. On a terminal it redraws one line; in a log
// (CI, pipes) it prints a line at each tenth so the output stays readable.
export type Progress = {
  update: (done: number, total?: number, label?: string) => void;
  done: (message?: string) => void;
};

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  const isTty = Boolean(stream.isTTY);
  let currentTotal = total;
  let currentLabel = label;
  let lastTenth = -1;
  let lastDraw = 0;
  const render = (done: number) => {
    const fraction = currentTotal > 0 ? Math.min(1, done / currentTotal) : 1;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const width = 30;
    const filled = Math.round(fraction * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    return `${currentLabel} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-CA')}/${currentTotal.toLocaleString('en-CA')} ${rate.toLocaleString('en-CA')}/s ${seconds.toFixed(1)}s`;
  };
  return {
    update: (done, newTotal, newLabel) => {
      if (newTotal !== undefined) currentTotal = newTotal;
      if (newLabel !== undefined && newLabel !== currentLabel) {
        currentLabel = newLabel;
        lastTenth = -1;
      }
      if (isTty) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < currentTotal) return;
        lastDraw = now;
        stream.write(`\r${render(done)}\x1b[K`);
        return;
      }
      const tenth = currentTotal > 0 ? Math.floor((done / currentTotal) * 10) : 10;
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${render(done)}\n`);
      }
    },
    done: (message) => {
      if (isTty) stream.write('\r\x1b[K');
      if (message) stream.write(`${message}\n`);
    },
  };
}
