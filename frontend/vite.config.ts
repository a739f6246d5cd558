import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The Rust server serves dist/: index.html for every page path, and the
// content-hashed files under /assets/ (cacheable forever). Asset URLs are
// absolute so nested pages such as /link/done load them too.
export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // Small images would otherwise become data: URIs; keep them as files.
    assetsInlineLimit: 0,
    // The editor is one small app; a single chunk keeps requests minimal.
    chunkSizeWarningLimit: 300,
  },
  server: {
    // `npm run dev` against a local `streammaxing serve`.
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
