// /api itself — the same JSON 404 in OpenAI's error shape, naming the endpoints, for every
// method, that every other unknown path under /api answers ([...path] needs at least one
// segment, so it does not match /api).
export const dynamic = "force-dynamic";

export { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } from "./[...path]/route";
