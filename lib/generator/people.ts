// Made-up but realistic personal data. Hand-made lists rather than @faker-js/faker: faker's output
// changes between its versions, which would break byte-identical regeneration, and one seeded
// generator for everything is simpler to reason about.
import type { Random } from "./random";

const FRENCH_FIRST = [
  "Hélène", "Léa", "Chloé", "Camille", "Manon", "Inès", "Zoé", "Émilie", "Élodie", "Sophie", "Marie", "Julie",
  "Céline", "Anaïs", "Maëlle", "Clémence", "Margaux", "Pauline", "Nathalie", "Isabelle", "Françoise", "Agnès",
  "Louis", "Lucas", "Hugo", "Théo", "Jules", "Gabriel", "Raphaël", "Arthur", "Noé", "Mathéo", "Thomas", "Nicolas",
  "François", "Jérôme", "Stéphane", "Sébastien", "Frédéric", "Benoît", "Grégoire", "Loïc", "Yannick", "Olivier",
];
const OTHER_FIRST = [
  "Sofia", "Fatima", "Amina", "Yasmine", "Laura", "Anna", "Giulia", "Carmen", "Lena", "Emma", "Nour",
  "Mohamed", "Karim", "Youssef", "Luca", "Marco", "Pablo", "Diego", "Jonas", "Lukas", "Ahmed", "Kevin",
];
const FRENCH_LAST = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
  "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
  "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
  "Faure", "Rousseau", "Blanc", "Guérin", "Müller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
  "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard",
  "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer",
  "Lucas", "Meunier", "Jean", "Pérez", "Marchand", "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet",
  "Schmitt", "Leroux", "Colin", "Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud",
  "Le Gall", "Le Goff", "Benali", "Haddad", "Rossi", "Ferreira", "Da Silva", "Kowalski", "Schneider", "O'Brien",
];

export const COUNTRY_CITIES: readonly (readonly [string, number, readonly string[]])[] = [
  ["FR", 86, ["Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Montpellier", "Strasbourg", "Bordeaux", "Lille", "Rennes", "Reims", "Saint-Étienne", "Le Havre", "Toulon", "Grenoble", "Dijon", "Angers", "Nîmes", "Aix-en-Provence", "Clermont-Ferrand", "Brest", "Tours", "Amiens", "Limoges", "Annecy", "Perpignan", "Besançon", "Orléans", "Metz", "Rouen", "Caen", "Nancy", "Argenteuil", "Montreuil", "Boulogne-Billancourt", "Villeurbanne", "Saint-Denis", "Pau", "La Rochelle"]],
  ["BE", 6, ["Bruxelles", "Liège", "Namur", "Charleroi", "Mons"]],
  ["CH", 3, ["Genève", "Lausanne", "Neuchâtel", "Fribourg"]],
  ["LU", 2, ["Luxembourg", "Esch-sur-Alzette"]],
  ["DE", 1, ["Berlin", "München", "Köln"]],
  ["ES", 1, ["Madrid", "Barcelona", "Valencia"]],
  ["IT", 1, ["Milano", "Roma", "Torino"]],
];
/** Every city, in a fixed order; a customer stores an index into it. */
export const CITIES: readonly { country: string; city: string; weight: number }[] = COUNTRY_CITIES.flatMap(
  ([country, weight, cities]) => cities.map((city, i) => ({ country, city, weight: weight / cities.length / (1 + i * 0.08) })),
);

const EMAIL_DOMAINS = ["gmail.com", "orange.fr", "free.fr", "hotmail.fr", "laposte.net", "sfr.fr", "yahoo.fr", "outlook.fr", "wanadoo.fr", "icloud.com", "proton.me"];
// Residential blocks of French and European ISPs, so IP geolocation looks plausible.
const IP_PREFIXES = [[90], [86], [82], [2], [77], [92], [176, 128], [88], [109], [80], [78, 192], [91, 160], [37, 164]];

export interface Identity {
  firstName: string;
  lastName: string;
  email: string;
}

export function makeIdentity(random: Random, uniqueNumber: number): Identity {
  const firstName = random.chance(0.82) ? random.pick(FRENCH_FIRST) : random.pick(OTHER_FIRST);
  const lastName = random.pick(FRENCH_LAST);
  const separator = random.pick([".", "", "_", "."]);
  const local = `${asciiSlug(firstName)}${separator}${asciiSlug(lastName)}${uniqueNumber}`;
  return { firstName, lastName, email: `${local}@${random.pick(EMAIL_DOMAINS)}` };
}

export function makeIpv4(random: Random): string {
  const prefix = random.pick(IP_PREFIXES);
  const parts = [...prefix];
  while (parts.length < 4) parts.push(random.int(parts.length === 3 ? 1 : 0, parts.length === 3 ? 254 : 255));
  return parts.join(".");
}

export const USER_AGENTS = {
  desktop: [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
  ],
  mobile: [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
  ],
  app: ["MaisonLumiereApp/4.2.1 (iPhone; iOS 17.4)", "MaisonLumiereApp/4.2.0 (Android 14; Pixel 8)"],
} as const;

function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}
