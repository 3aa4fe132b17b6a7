/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several test runs build side by side (e2e/tools/serve.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project first (tsc --noEmit); the build skips its own,
  // second pass over the same files.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status for signed-in users
  // who lack the role a page needs.
  experimental: { authInterrupts: true },
  // Loaded at run time from node_modules rather than bundled: native-ish or WASM-heavy packages.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "gpt-tokenizer", "bcryptjs"],
};

export default nextConfig;
