import { fileURLToPath } from "node:url";
import { mergeConfig } from "vitest/config";
import { databaseTestConfig } from "../../vitest.shared.ts";

// Route tests call loaders against a real database (each file gets its own, cloned from a migrated
// template), as the workspace's do.
export default mergeConfig(databaseTestConfig(["app/**/*.test.ts"]), {
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  // Route tests share one app module graph per file; run files one after another to keep pools apart.
  test: { fileParallelism: false },
});
