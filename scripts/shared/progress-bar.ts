/**
 * A progress bar on standard error: redrawn in place on a terminal, and where output goes to a
 * file or a CI log, a line at each tenth of the way instead of thousands of redraws.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const width = 30;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done: number, total: number) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const percent = Math.floor(fraction * 100);
      if (stream.isTTY) {
        const filled = Math.round(fraction * width);
        stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}% ${done}/${total}`);
        drawn = true;
      } else if (Math.floor(fraction * 10) > lastTenth) {
        lastTenth = Math.floor(fraction * 10);
        stream.write(`${label}: ${percent}% (${done}/${total})\n`);
      }
    },
    end() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
