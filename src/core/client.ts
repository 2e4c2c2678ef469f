import { HistoryUnavailableError, HttpError } from './errors.js';
import { get } from './http/transport.js';
import { parseTaskPage } from './http/parse-task.js';
import { taskListPath } from './http/routes.js';
import { waitForTask } from './polling/wait-for-task.js';
import type { ModelSpec } from './registry/model-spec.js';
import type { BuiltInModel } from './registry/models.js';
import type { DraftRequest } from './request/types.js';
import {
  createClientCore,
  type ClientOptions,
  type GptImageClient,
  type OwnClientCore,
} from './client-core.js';

export { DEFAULT_BASE_URL } from './client-core.js';
export type { ClientCore, ClientOptions, GptImageClient, ListTasksOptions } from './client-core.js';

/** Makes a client. See {@link ClientOptions} for the defaults. */
export function createClient<M extends ModelSpec = BuiltInModel>(
  options: ClientOptions<M> = {},
): GptImageClient<M> {
  return completeClient(createClientCore(options));
}

/** A client from its core: the core's methods, with the per-kind submits, `waitForTask` and `listTasks` added. */
export function completeClient<M extends ModelSpec>({
  transport,
  ...core
}: OwnClientCore<M>): GptImageClient<M> {
  const { clock, registry, getTask, submit } = core;
  return {
    ...core,
    generateImage: (request, callOptions) => submit('image', request as DraftRequest, callOptions),
    generateVideo: (request, callOptions) => submit('video', request as DraftRequest, callOptions),
    waitForTask: (taskId, waitOptions) =>
      waitForTask(
        { clock, getTask, getModel: (id) => registry.get(id), schedule: core.pollSchedule },
        taskId,
        waitOptions,
      ),
    listTasks: ({ limit, cursor, signal } = {}) =>
      get(transport, taskListPath(limit, cursor), parseTaskPage, { signal }).catch(
        (error: unknown) => {
          // No such path (the API), or no history kept (a proxy's store without it).
          throw error instanceof HttpError && [404, 405, 501].includes(error.status!)
            ? new HistoryUnavailableError(error.status)
            : error;
        },
      ),
  };
}
