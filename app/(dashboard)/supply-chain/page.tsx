import { personaPage } from "@/components/layout/persona-page";

export default personaPage("supply_chain:view", "supply_chain", ["stockout_rate", "units", "return_rate"]);
