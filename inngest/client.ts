// The app's Inngest client. The SDK reads INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_DEV and
// INNGEST_BASE_URL (a self-hosted server) from the environment itself; see README "Inngest".
import { Inngest, type ClientOptions } from "inngest";

export const APP_ID = "ecommerce-analytics";

export function createInngestClient(options: Omit<ClientOptions, "id"> = {}): Inngest {
  return new Inngest({ id: APP_ID, ...options });
}

export const inngest = createInngestClient();
