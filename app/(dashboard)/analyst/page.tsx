import { personaPage } from "@/components/layout/persona-page";

export default personaPage("analyst:view", "analyst");
