import { personaPage } from "@/components/layout/persona-page";

export default personaPage("merchandising:view", "merchandising", ["revenue", "units", "margin", "return_rate"]);
