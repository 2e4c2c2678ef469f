/** What the stores use of a `redis` (node-redis 5.10 or later) client: its raw command. */
export interface NodeRedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** What the stores use of an `ioredis` (v5) client: its raw command. */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** A connected `redis` (node-redis) or `ioredis` client that the app already has. */
export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike;

/** Options shared by the Redis stores. */
export interface RedisStoreOptions {
  /** Put before every key, to share a Redis with other data. Defaults to `'gptimage2:'`. */
  keyPrefix?: string;
  /**
   * How long one Redis call may take, in milliseconds, before it counts as a failure (the proxy then
   * answers 503). Clients queue commands while they reconnect, so without it a call would wait for
   * Redis to come back. Defaults to `2000`.
   */
  commandTimeoutMs?: number;
}

/** Runs one raw command (`['SET', key, value, …]`), whichever client it is. */
export type RedisCommand = (args: string[]) => Promise<unknown>;

/** The command function of either client, each call given at most `timeoutMs`. */
export function redisCommand(client: RedisClientLike, timeoutMs: number): RedisCommand {
  // ioredis also has a `sendCommand`, taking its own Command objects: look for its `call` first.
  let run: RedisCommand;
  if (typeof (client as IoRedisClientLike).call === 'function') {
    const io = client as IoRedisClientLike;
    run = ([command, ...args]) => io.call(command!, ...args);
  } else if (typeof (client as NodeRedisClientLike).sendCommand === 'function') {
    const node = client as NodeRedisClientLike;
    run = (args) => node.sendCommand(args);
  } else {
    throw new TypeError(
      'Expected a redis (node-redis) or ioredis client: it has neither sendCommand nor call',
    );
  }
  return (args) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Redis did not answer ${args[0]} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      run(args).then(
        (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
}
