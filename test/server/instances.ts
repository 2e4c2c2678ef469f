import { spawn, type ChildProcess } from 'node:child_process';

// Proxy instances in their own processes (fixtures/proxy-instance.ts), as a multi-instance app runs them.

/** A running proxy process. */
export interface ProxyInstance {
  url: string;
  stop(): Promise<void>;
}

/** Starts a proxy process with this environment and resolves once it listens. */
export function startProxyInstance(env: Record<string, string>): Promise<ProxyInstance> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/server/fixtures/proxy-instance.ts'],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(output);
      if (line) resolve({ url: line[1]!, stop });
    });
    child.once('exit', (code) =>
      reject(new Error(`proxy instance exited with ${code}: ${errors}`)),
    );
  });
}
