/**
 * Name and address pools for fictitious debtors. Real-sounding but invented: common first names and
 * surnames of each population, street names that exist in many towns, and postcodes matching their city.
 * Every email address and domain is on `.test` (RFC 2606): nothing here can reach a real person.
 */

/** A population of debtors: the language they are written to in and the country they live in. */
export type Population = "fr-FR" | "fr-BE" | "nl-BE" | "nl-NL";

interface PopulationData {
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  readonly streets: readonly string[];
  /** [postcode, city] */
  readonly cities: readonly (readonly [string, string])[];
}

export const POPULATIONS: Record<Population, PopulationData> = {
  "fr-FR": {
    firstNames: ["Camille", "Julien", "Sophie", "Nicolas", "Élodie", "Thomas", "Nathalie", "Mathieu", "Aurélie", "Sébastien", "Claire", "Romain", "Isabelle", "Antoine", "Céline", "Guillaume", "Laure", "François", "Manon", "Hugo"],
    lastNames: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Chevalier", "Faure", "Lemaire"],
    streets: ["rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "boulevard Gambetta", "rue Pasteur", "place de la Mairie", "rue des Écoles", "chemin des Vignes", "rue du Général de Gaulle", "allée des Tilleuls"],
    cities: [["69003", "Lyon"], ["13006", "Marseille"], ["31000", "Toulouse"], ["44000", "Nantes"], ["33000", "Bordeaux"], ["59000", "Lille"], ["67000", "Strasbourg"], ["35000", "Rennes"], ["21000", "Dijon"], ["38000", "Grenoble"], ["75011", "Paris"], ["06000", "Nice"]],
  },
  "fr-BE": {
    firstNames: ["Amélie", "Maxime", "Lucie", "Olivier", "Charlotte", "Benoît", "Pauline", "Arnaud", "Sarah", "Grégory", "Julie", "Cédric", "Marie", "Laurent", "Aline", "Damien"],
    lastNames: ["Dupont", "Lambert", "Dubois", "Leclercq", "Martin", "Dumont", "Renard", "Lejeune", "Collignon", "Gérard", "Delvaux", "Piron", "Hubert", "Jacquet", "Denis", "Simon", "Lemaire", "Mathieu", "François", "Poncelet"],
    streets: ["rue de la Station", "chaussée de Louvain", "avenue Louise", "rue de l'Église", "rue du Moulin", "boulevard d'Avroy", "rue Haute", "rue des Champs", "place Saint-Lambert", "rue de Namur"],
    cities: [["1000", "Bruxelles"], ["1050", "Ixelles"], ["1180", "Uccle"], ["4000", "Liège"], ["5000", "Namur"], ["6000", "Charleroi"], ["7000", "Mons"], ["1300", "Wavre"], ["1400", "Nivelles"], ["6700", "Arlon"]],
  },
  "nl-BE": {
    firstNames: ["Lotte", "Pieter", "Sofie", "Jens", "Eline", "Wouter", "Hanne", "Bram", "Lies", "Stijn", "Nele", "Tom", "Ann", "Koen", "Femke", "Thibault"],
    lastNames: ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Vermeulen", "Van Damme", "De Backer", "Aerts", "Hermans", "Van den Broeck", "Verstraete", "Desmet", "Coppens", "Vandenberghe"],
    streets: ["Kerkstraat", "Stationsstraat", "Dorpsstraat", "Molenstraat", "Nieuwstraat", "Grote Markt", "Schoolstraat", "Meir", "Veldstraat", "Kapelstraat"],
    cities: [["2000", "Antwerpen"], ["9000", "Gent"], ["3000", "Leuven"], ["8000", "Brugge"], ["2800", "Mechelen"], ["3500", "Hasselt"], ["8500", "Kortrijk"], ["9300", "Aalst"], ["1800", "Vilvoorde"], ["2300", "Turnhout"]],
  },
  "nl-NL": {
    firstNames: ["Sanne", "Daan", "Emma", "Lucas", "Fleur", "Sem", "Lisa", "Thijs", "Anouk", "Ruben", "Iris", "Jesse", "Maud", "Niels", "Esther", "Bas", "Noor", "Joost", "Marloes", "Tim"],
    lastNames: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer"],
    streets: ["Hoofdstraat", "Kerkstraat", "Schoolstraat", "Dorpsstraat", "Molenweg", "Julianastraat", "Wilhelminalaan", "Beatrixstraat", "Stationsweg", "Lindelaan"],
    cities: [["1012", "Amsterdam"], ["3011", "Rotterdam"], ["2511", "Den Haag"], ["3511", "Utrecht"], ["5611", "Eindhoven"], ["9711", "Groningen"], ["6511", "Nijmegen"], ["2011", "Haarlem"], ["4811", "Breda"], ["8011", "Zwolle"], ["6811", "Arnhem"], ["7511", "Enschede"]],
  },
};

/** French business debtors of a wholesaler: cafés, shops, restaurants, small retailers. */
export const FR_COMPANY_KINDS = ["Boulangerie", "Épicerie", "Café", "Brasserie", "Restaurant", "Hôtel", "Traiteur", "Boutique", "Pâtisserie", "Cave", "Bistrot", "Supérette"] as const;
export const FR_COMPANY_NAMES = ["du Marché", "des Halles", "Saint-Michel", "de la Gare", "du Port", "Le Provençal", "des Tilleuls", "La Belle Époque", "du Centre", "Les Arcades", "du Lac", "Le Comptoir", "des Vignes", "La Fontaine", "du Parc", "Le Lyonnais", "des Arts", "La Terrasse"] as const;
export const FR_LEGAL_FORMS = ["SARL", "SAS", "SASU", "EURL", "SNC"] as const;

/** A lower-case ASCII slug for an email local part (`Élodie Lefèvre` → `elodie.lefevre`). */
export function slug(text: string, separator = "."): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, "g"), "");
}
