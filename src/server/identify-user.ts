/** Who a request is from, as the app's `authorize` says: an id, or `null`/`undefined` to refuse. */
export type Authorize = (
  request: Request,
) => string | null | undefined | Promise<string | null | undefined>;

/**
 * The user's id, or `null` when `authorize` refuses: no id, an empty one, or a throw (a failing
 * session lookup must refuse, never let a request through). Shared by the proxy and the upload handler.
 */
export async function identifyUser(authorize: Authorize, request: Request): Promise<string | null> {
  try {
    const userId = await authorize(request);
    return typeof userId === 'string' && userId ? userId : null;
  } catch {
    return null;
  }
}
