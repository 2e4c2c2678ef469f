import { InvalidResponseError } from '../errors.js';
import type { DraftRequest } from '../request/types.js';
import type { Submission, Task, TaskPage, TaskStatus } from '../task/task.js';
import { VIDEO_FIELDS, VIDEO_RULES } from '../request/validate-request.js';
import { isHttpUrl, isRecord } from '../values.js';

type Json = Record<string, unknown>;

const STATUSES: readonly TaskStatus[] = ['pending', 'completed', 'failed'];

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const first = (body: Json, ...keys: string[]): unknown =>
  keys.map((key) => body[key]).find((value) => value != null);

/** The body as an object, or a typed error. */
function asObject(body: unknown, what: string): Json {
  if (!isRecord(body)) throw new InvalidResponseError(`${what} is not a JSON object`);
  return body;
}

/**
 * An output URL, accepted only as absolute http(s): a `javascript:` or `data:` URL handed to an app
 * would end up in an `href` or `src`. Refused with an error naming the field, not retryable (the same
 * snapshot would come again), so following stops and the app shows it rather than the URL.
 */
function outputUrl(value: unknown, field: string): string | null {
  if (value == null) return null;
  if (isHttpUrl(value)) return value;
  throw new InvalidResponseError(`${field} must be an absolute http(s) URL`, undefined, false);
}

function parseId(body: Json): string {
  const id = str(first(body, 'taskId', 'id'));
  if (!id) throw new InvalidResponseError('no task id (taskId or id)');
  return id;
}

function parseStatus(value: unknown): TaskStatus {
  // The API sends 0/1/2; tolerate the same as strings or names, nothing else.
  const index = typeof value === 'string' && /^[012]$/.test(value) ? Number(value) : value;
  const status =
    typeof index === 'number'
      ? STATUSES[index]
      : STATUSES.find((name) => name === String(value).toLowerCase());
  if (!status) throw new InvalidResponseError(`unknown task status ${JSON.stringify(value)}`);
  return status;
}

/**
 * A task's recorded request, or `null` when there is none or it is malformed (a field of the wrong
 * type, an input image that is not http(s)): an app may submit it again or show its images, so it is
 * taken whole or not at all. Fields a request does not have are left out.
 */
function parseRequest(value: unknown): DraftRequest | null {
  if (!isRecord(value) || typeof value.model !== 'string') return null;
  const request: Record<string, unknown> = {};
  for (const key of VIDEO_FIELDS) {
    const field = value[key];
    if (field === undefined) continue;
    // The video endpoint's numbers have a range rule; its other fields, and the image endpoint's, are strings.
    const valid =
      key === 'inputImageUrls'
        ? Array.isArray(field) && field.every(isHttpUrl)
        : key === 'providerInput'
          ? isRecord(field)
          : typeof field === (VIDEO_RULES[key] ? 'number' : 'string');
    if (!valid) return null;
    request[key] = field;
  }
  return request as unknown as DraftRequest;
}

/**
 * A task snapshot as the app sees it, whichever spelling the server used; throws `InvalidResponseError`.
 * Its `request` is `null`: a snapshot does not carry one (the API's, the proxy's and the mock's alike),
 * only the task list does, so the hooks' polling does not bundle the request's parse.
 */
export function parseTask(body: unknown): Task {
  const json = asObject(body, 'the task snapshot');
  const images = first(json, 'imageUrls', 'outputImageUrls');
  const type = str(json.type);
  return {
    id: parseId(json),
    status: parseStatus(json.status),
    type: type === 'image' || type === 'video' ? type : null,
    model: str(json.model),
    prompt: str(json.prompt),
    imageUrls: Array.isArray(images)
      ? images.map((url, index) => outputUrl(url, `imageUrls[${index}]`)!).filter(Boolean)
      : [],
    videoUrl: outputUrl(first(json, 'videoUrl', 'outputVideoUrl'), 'videoUrl'),
    errorCode: str(json.errorCode),
    errorMessage: str(json.errorMessage),
    creditsUsed: num(json.creditsUsed),
    creditsRefunded: first(json, 'creditsRefunded', 'creditRefunded') === true,
    createdAt: str(json.createdAt),
    updatedAt: str(first(json, 'updatedAt', 'completedAt')),
    request: null,
  };
}

/** A page of the task list (`{ tasks, nextCursor }`); throws `InvalidResponseError`. */
export function parseTaskPage(body: unknown): TaskPage {
  const { tasks, nextCursor } = asObject(body, 'the task list');
  if (!Array.isArray(tasks)) throw new InvalidResponseError('the task list has no tasks array');
  return {
    tasks: tasks.map((task) => ({ ...parseTask(task), request: parseRequest(task.request) })),
    nextCursor: str(nextCursor),
  };
}

/** A submit response (`{ taskId, status: 0, creditsUsed }`); throws `InvalidResponseError`. */
export function parseSubmission(body: unknown): Submission {
  const json = asObject(body, 'the submit response');
  return {
    taskId: parseId(json),
    creditsUsed: num(json.creditsUsed),
    status: json.status == null ? 'pending' : parseStatus(json.status),
  };
}
