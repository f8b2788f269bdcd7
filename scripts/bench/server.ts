// Starts `npm start` for a benchmark (own process group, so it can be stopped whole) and waits
// until /api/health answers.
import { spawn, type ChildProcess } from "node:child_process";

export async function startProductionServer(
  port: number,
  env: Record<string, string> = {},
  timeoutSeconds = 240,
  /** CPUs to pin the server to (`taskset -c`), apart from the load generator. */
  cpus: string | null = null,
): Promise<{ base: string; process: ChildProcess; stop: () => void }> {
  const [command, args] = cpus ? ["taskset", ["-c", cpus, "npm", "start"]] : ["npm", ["start"]];
  const child = spawn(command, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: "ignore", detached: true });
  const base = `http://localhost:${port}`;
  const stop = () => {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  };
  for (let i = 0; i < timeoutSeconds; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, process: child, stop };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  stop();
  throw new Error(`the server did not start within ${timeoutSeconds} s`);
}
