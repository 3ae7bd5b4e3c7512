import { fileURLToPath } from "node:url";
import { mergeConfig } from "vitest/config";
import { unitTestConfig } from "../../vitest.shared.ts";

export default mergeConfig(unitTestConfig(["app/**/*.test.ts"]), {
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
});
