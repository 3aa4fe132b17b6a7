// /api itself — a JSON 404 in OpenAI's error shape naming the endpoints, for every method, as
// every other unknown path under /api answers ([...path] needs at least one segment).
import { unknownApiPath } from "@/lib/http/route-handler";

export const dynamic = "force-dynamic";

export const GET = unknownApiPath;
export const POST = unknownApiPath;
export const PUT = unknownApiPath;
export const PATCH = unknownApiPath;
export const DELETE = unknownApiPath;
export const HEAD = unknownApiPath;
export const OPTIONS = unknownApiPath;
