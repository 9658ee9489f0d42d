/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Loaded by Node as is: wawoff2 locates its WebAssembly file at run time.
  serverExternalPackages: ["wawoff2"],
  experimental: {
    // Image uploads go through a Server Action: up to 10 MB of image plus the form around it.
    serverActions: { bodySizeLimit: "11mb" },
  },
};
