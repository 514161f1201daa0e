import { personaPage } from "@/components/layout/persona-page";

export default personaPage("data:view", "data", ["orders", "revenue", "clv"]);
