// Feature areas keep their strings in their own file (lib/i18n/areas/<area>.ts, made with
// defineMessages) and are listed here once, under the key pages read them by (t.<area>).
import { alerts } from "./alerts";
import { dashboard } from "./dashboard";
import { data } from "./data";
import { forecasts } from "./forecasts";
import { glossary } from "./glossary";
import { notifications } from "./notifications";
import { segments } from "./segments";

const AREAS = { dashboard, glossary, segments, forecasts, alerts, data, notifications };

type Areas = typeof AREAS;
type Side<K extends "fr" | "en"> = { [A in keyof Areas]: Areas[A] extends Record<K, infer M> ? M : never };
const side = <K extends "fr" | "en">(k: K) => Object.fromEntries(Object.entries(AREAS).map(([a, m]) => [a, (m as Record<K, unknown>)[k]])) as Side<K>;

export const areasFr = side("fr");
export const areasEn = side("en");
