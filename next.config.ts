import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Node-only database drivers and the forecasting WASM (loaded from its .wasm file beside it):
  // loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["pg", "pg-copy-streams", "@prisma/adapter-pg", "@bsull/augurs"],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository first (tsc --noEmit); not again in every build.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
