import { personaPage } from "@/components/layout/persona-page";

export default personaPage("analyst:view", "analyst", ["revenue", "orders", "conversion_rate", "clv"]);
