/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status for signed-in users
  // who lack the role a page needs.
  experimental: { authInterrupts: true },
  // Loaded at run time from node_modules rather than bundled: native-ish or WASM-heavy packages.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "gpt-tokenizer", "bcryptjs"],
};

export default nextConfig;
