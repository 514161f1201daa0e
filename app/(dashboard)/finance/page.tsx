import { personaPage } from "@/components/layout/persona-page";

export default personaPage("finance:view", "finance", ["revenue", "net_revenue", "orders", "aov", "margin", "refunds"]);
