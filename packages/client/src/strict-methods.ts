// openapi-fetch's methods with each call's init typed from its path, not inferred from the
// argument. openapi-fetch infers the init (openapi-ts/openapi-typescript#1769), so an object
// literal is never checked for excess properties: `debtor` for `debtors` compiles. Typed
// from the path, a literal is checked as TypeScript checks any literal, nested objects and
// array items too. Only `parseAs` is inferred, for the type of what it reads.
import type { Client, ClientPathsWithMethod, FetchResponse, MaybeOptionalInit, ParseAs } from 'openapi-fetch';

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
/** The generated `paths`: an interface, which has no index signature to constrain it by. */
type Paths = object;
/** What `P` says of a path (its methods, `never` where it has none). */
type PathItem<P extends Paths, Path> = P[Path & keyof P];
type MethodOf<Item, Method extends HttpMethod> = Method & keyof Item;
/** The operation a method of a path is. */
type Operation<P extends Paths, Path, Method extends HttpMethod> = PathItem<P, Path>[MethodOf<
  PathItem<P, Path>,
  Method
>] extends infer O extends Record<string | number, unknown>
  ? O
  : never;

/** openapi-fetch's init of the operation: with `| undefined` when nothing in it is required. */
type OperationInit<P extends Paths, Path, Method extends HttpMethod> = MaybeOptionalInit<
  PathItem<P, Path>,
  MethodOf<PathItem<P, Path>, Method>
>;
/** The operation's init, exactly, and `parseAs` as the caller names it; left out when nothing in it is required. */
type InitArgument<P extends Paths, Path, Method extends HttpMethod, As> =
  OperationInit<P, Path, Method> extends infer I
    ? undefined extends I
      ? [init?: NonNullable<I> & { parseAs?: As }]
      : [init: I & { parseAs?: As }]
    : never;
type Answer<P extends Paths, Path, Method extends HttpMethod, As> = Promise<
  FetchResponse<Operation<P, Path, Method>, [As] extends [ParseAs] ? { parseAs: As } : object, `${string}/${string}`>
>;

/** `client.GET(path, init)` and the other methods: typed as openapi-fetch's, with the init checked exactly. */
export type StrictMethod<P extends Paths, Method extends HttpMethod> = <
  Path extends ClientPathsWithMethod<Client<P>, Method>,
  As extends ParseAs | undefined = undefined,
>(
  url: Path,
  ...init: InitArgument<P, Path, Method, As>
) => Answer<P, Path, Method, As>;

/** `client.request(method, path, init)`, likewise. */
export type StrictRequestMethod<P extends Paths> = <
  Method extends HttpMethod,
  Path extends ClientPathsWithMethod<Client<P>, Method>,
  As extends ParseAs | undefined = undefined,
>(
  method: Method,
  url: Path,
  ...init: InitArgument<P, Path, Method, As>
) => Answer<P, Path, Method, As>;

/** openapi-fetch's client for `P`, whose calls check their init exactly. */
export interface StrictClient<P extends Paths>
  extends Omit<Client<P>, 'request' | 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE'> {
  request: StrictRequestMethod<P>;
  GET: StrictMethod<P, 'get'>;
  PUT: StrictMethod<P, 'put'>;
  POST: StrictMethod<P, 'post'>;
  DELETE: StrictMethod<P, 'delete'>;
  OPTIONS: StrictMethod<P, 'options'>;
  HEAD: StrictMethod<P, 'head'>;
  PATCH: StrictMethod<P, 'patch'>;
  TRACE: StrictMethod<P, 'trace'>;
}
