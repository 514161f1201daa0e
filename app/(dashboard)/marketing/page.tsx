import { personaPage } from "@/components/layout/persona-page";

export default personaPage("marketing:view", "marketing", ["revenue", "orders", "conversion_rate", "aov"]);
