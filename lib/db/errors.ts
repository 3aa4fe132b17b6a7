import { Prisma } from "./generated/client";

export interface MappedDbError {
  status: 404 | 409 | 503;
  code: "not_found" | "conflict" | "database_unavailable";
  message: string;
}

/** Known Prisma failures → HTTP meaning; anything else stays a 500 and is logged, never shown. */
export function mapPrismaError(error: unknown): MappedDbError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const target = (error.meta as { target?: unknown } | undefined)?.target;
      const fields = Array.isArray(target) ? target.join(", ") : "a unique field";
      return { status: 409, code: "conflict", message: `Another record already uses this ${fields}.` };
    }
    if (error.code === "P2025") return { status: 404, code: "not_found", message: "The record no longer exists." };
    if (error.code === "P1001" || error.code === "P1017") {
      return { status: 503, code: "database_unavailable", message: "The database is not reachable." };
    }
  }
  if (error instanceof Prisma.PrismaClientInitializationError) {
    return { status: 503, code: "database_unavailable", message: "The database is not reachable." };
  }
  return null;
}
