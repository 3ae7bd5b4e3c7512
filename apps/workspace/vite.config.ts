import { remixAppConfig } from "../../vite.shared.ts";

// Single fetch changes the types loaders return to components: declare it where the app's types see it.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default remixAppConfig(import.meta.url, 3000);
