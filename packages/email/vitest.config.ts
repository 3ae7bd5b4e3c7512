import { unitTestConfig } from "../../vitest.shared.ts";

export default unitTestConfig(["src/**/*.test.{ts,tsx}"]);
