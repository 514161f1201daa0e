import { personaPage } from "@/components/layout/persona-page";

export default personaPage("merchandising:view", "merchandising");
