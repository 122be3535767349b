/**
 * Invented given names and surnames for generated people. The lists mix regions so a tenant looks like
 * an international company; 80 x 80 combinations cover small tenants without repeats, and bigger ones
 * get a numeric suffix in the address (`anna.berg7@...`) as real directories do.
 */
export const GIVEN_NAMES = [
  'Adele', 'Bruno', 'Carmen', 'Dario', 'Elif', 'Felix', 'Greta', 'Hugo', 'Irene', 'Jamal',
  'Kira', 'Lukas', 'Maren', 'Nikolai', 'Olga', 'Pavel', 'Quinn', 'Rosa', 'Samir', 'Tilda',
  'Umar', 'Vera', 'Wendell', 'Xenia', 'Yara', 'Zeno', 'Alma', 'Bodhi', 'Celine', 'Dorian',
  'Esme', 'Farid', 'Gemma', 'Henrik', 'Isla', 'Joaquin', 'Kalani', 'Leona', 'Mateo', 'Nora',
  'Oskar', 'Paloma', 'Rafael', 'Saskia', 'Tobias', 'Uma', 'Viktor', 'Wanda', 'Yosef', 'Zara',
  'Anouk', 'Bastian', 'Clara', 'Dev', 'Emil', 'Frida', 'Goran', 'Hana', 'Ivo', 'Jana',
  'Kofi', 'Linnea', 'Milan', 'Nadine', 'Orla', 'Pietro', 'Rania', 'Stellan', 'Tamsin', 'Ulrich',
  'Valeria', 'Wim', 'Ximena', 'Yannick', 'Zsofia', 'Arjun', 'Beatrix', 'Cyrus', 'Dagny', 'Emre'
] as const;

export const SURNAMES = [
  'Albers', 'Brandt', 'Castillo', 'Dahl', 'Engel', 'Ferreira', 'Gallo', 'Haas', 'Ito', 'Jansen',
  'Keller', 'Lund', 'Moreau', 'Navarro', 'Ortega', 'Pohl', 'Quist', 'Ruiz', 'Sandoval', 'Thorsen',
  'Ueda', 'Vogel', 'Winter', 'Yilmaz', 'Zeller', 'Abbott', 'Bianchi', 'Cerny', 'Dufour', 'Ekstrom',
  'Falk', 'Grant', 'Horvat', 'Ibsen', 'Jovanovic', 'Kaur', 'Lindgren', 'Marsh', 'Nakamura', 'Oyelaran',
  'Petrov', 'Quinlan', 'Rasmussen', 'Silva', 'Toivonen', 'Urbina', 'Varga', 'Wagner', 'Young', 'Zimmer',
  'Aalto', 'Barros', 'Conti', 'Delgado', 'Eriksen', 'Fontaine', 'Gill', 'Hoffmann', 'Iqbal', 'Juarez',
  'Kowalski', 'Lambert', 'Mensah', 'Novak', 'Obi', 'Park', 'Reyes', 'Sato', 'Tanaka', 'Underwood',
  'Valdez', 'Weiss', 'Xu', 'Yates', 'Zapata', 'Aguilar', 'Berger', 'Costa', 'Dunn', 'Esposito'
] as const;

/** Turns a name part into the lower-case ASCII form used in addresses: `Ekström` -> `ekstrom`. */
export function addressPart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\p{ASCII}]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}
