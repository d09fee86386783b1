// Name pools for synthetic people. Hand-chosen to reflect the variety of names in Toronto (the
// 2016 profiles count over 200 ethnic origins); the group weights are a rough illustration, not a
// measured distribution, and no name belongs to a real client. Spellings keep their accents.

export type NameGroup = {
  key: string;
  weight: number;
  given: readonly string[];
  family: readonly string[];
};

export const NAME_GROUPS: readonly NameGroup[] = [
  {
    key: 'english_scottish_irish',
    weight: 14,
    given: [
      'Emma', 'Olivia', 'Sarah', 'Jessica', 'Emily', 'Hannah', 'Megan', 'Kathleen', 'Siobhan', 'Fiona',
      'Liam', 'Noah', 'James', 'William', 'Ryan', 'Connor', 'Matthew', 'Daniel', 'Brendan', 'Ian',
      'Morgan', 'Taylor', 'Jordan', 'Riley',
    ],
    family: [
      'Smith', 'Brown', 'Wilson', 'MacDonald', 'Campbell', 'Stewart', 'Murphy', "O'Brien", 'Kelly',
      'Thompson', 'Anderson', 'Robertson', 'Fraser', 'McLeod', 'Walsh', 'Clarke', 'Hughes', 'Bennett',
      'Gallagher', 'Doyle', 'Sinclair', 'Harper',
    ],
  },
  {
    key: 'chinese',
    weight: 11,
    given: [
      'Wei', 'Jing', 'Mei', 'Xiaoling', 'Yan', 'Hui', 'Li Na', 'Ying', 'Kevin', 'Michelle', 'Jason', 'Vivian',
      'Ka Wai', 'Wing Yee', 'Chun', 'Hao', 'Jun', 'Zhiwei', 'Yuki', 'Cindy',
    ],
    family: [
      'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Wong', 'Chan', 'Leung', 'Lam', 'Ho', 'Cheung', 'Ng', 'Lau',
      'Yip', 'Huang', 'Zhou', 'Xu', 'Tang', 'Lin', 'Kwan',
    ],
  },
  {
    key: 'south_asian',
    weight: 12,
    given: [
      'Priya', 'Anjali', 'Aarav', 'Arjun', 'Harpreet', 'Gurpreet', 'Simran', 'Navdeep', 'Rohan', 'Sanjay',
      'Fatima', 'Ayesha', 'Imran', 'Bilal', 'Nusrat', 'Tahmina', 'Rahul', 'Deepa', 'Kiran', 'Manpreet',
      'Zainab', 'Farhan',
    ],
    family: [
      'Patel', 'Singh', 'Sharma', 'Gill', 'Dhillon', 'Sandhu', 'Shah', 'Gupta', 'Khan', 'Ahmed', 'Hussain',
      'Chowdhury', 'Rahman', 'Islam', 'Malik', 'Qureshi', 'Mehta', 'Desai', 'Iyer', 'Grewal',
    ],
  },
  {
    key: 'tamil',
    weight: 4,
    given: [
      'Tharsan', 'Kajan', 'Nirojan', 'Thusyanthan', 'Vithusha', 'Mathura', 'Keerthana', 'Abinaya', 'Sivakumar',
      'Jeyanthi', 'Prasanth', 'Kavitha',
    ],
    family: [
      'Sivarajah', 'Thanabalasingam', 'Kanagaratnam', 'Selvarajah', 'Ratnam', 'Jeyakumar', 'Sritharan',
      'Balasubramaniam', 'Nadarajah', 'Yogarajah',
    ],
  },
  {
    key: 'filipino',
    weight: 6,
    given: [
      'Maria Cristina', 'Jose', 'Mark Anthony', 'Rowena', 'Jocelyn', 'Marites', 'Ramon', 'Rodel', 'Angelica',
      'Jericho', 'Lovely', 'Princess', 'Joel', 'Analyn',
    ],
    family: [
      'Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia', 'Mendoza', 'Villanueva', 'Dela Cruz', 'Aquino',
      'Ramos', 'Castillo', 'Manalo', 'Pascual', 'Soriano',
    ],
  },
  {
    key: 'caribbean',
    weight: 7,
    given: [
      'Andre', 'Marcus', 'Jamal', 'Tyrone', 'Devon', 'Kemar', 'Shanice', 'Tamika', 'Keisha', 'Simone',
      'Natasha', 'Renée', 'Damion', 'Odessa', 'Roshan', 'Anika',
    ],
    family: [
      'Campbell', 'Williams', 'Brown', 'Clarke', 'Grant', 'Francis', 'Reid', 'Henry', 'Morgan', 'Ramdial',
      'Persaud', 'Ramsaran', 'Baptiste', 'Charles', 'Lewis', 'Forde',
    ],
  },
  {
    key: 'portuguese_brazilian',
    weight: 4,
    given: [
      'João', 'José', 'António', 'Manuel', 'Rui', 'Tiago', 'Inês', 'Conceição', 'Fátima', 'Ana Paula',
      'Luísa', 'Rafaela', 'Gonçalo', 'Célia',
    ],
    family: [
      'Silva', 'Santos', 'Ferreira', 'Pereira', 'Costa', 'Oliveira', 'Rodrigues', 'Gonçalves', 'Sousa',
      'Medeiros', 'Furtado', 'Pacheco', 'Araújo', 'Simões',
    ],
  },
  {
    key: 'italian',
    weight: 4,
    given: [
      'Giuseppe', 'Antonio', 'Marco', 'Luca', 'Francesca', 'Giulia', 'Alessandra', 'Domenic', 'Rosa', 'Nicola',
      'Carmela', 'Stefano',
    ],
    family: [
      'Rossi', 'Russo', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'De Luca', 'Greco', 'Bruno',
      'Gallo', 'Conti', 'Mancini', 'Lombardi',
    ],
  },
  {
    key: 'latin_american',
    weight: 4,
    given: [
      'María José', 'Sofía', 'Valentina', 'Camila', 'Andrés', 'Sebastián', 'Alejandro', 'Carlos', 'Lucía',
      'Jesús', 'Ximena', 'Martín', 'Paola', 'Julián',
    ],
    family: [
      'García', 'Rodríguez', 'Hernández', 'López', 'Martínez', 'González', 'Pérez', 'Sánchez', 'Ramírez',
      'Torres', 'Núñez', 'Peña', 'Muñoz', 'Jiménez', 'Castañeda',
    ],
  },
  {
    key: 'east_african',
    weight: 4,
    given: [
      'Abdi', 'Hodan', 'Ayaan', 'Farah', 'Mohamed', 'Hamdi', 'Ifrah', 'Abdirahman', 'Selam', 'Yonas',
      'Meron', 'Dawit', 'Tigist', 'Biniam', 'Saron',
    ],
    family: [
      'Hassan', 'Ali', 'Omar', 'Abdullahi', 'Warsame', 'Jama', 'Mohamud', 'Tesfaye', 'Bekele', 'Haile',
      'Gebremedhin', 'Alemu', 'Tadesse', 'Yusuf',
    ],
  },
  {
    key: 'west_african',
    weight: 4,
    given: [
      'Chinedu', 'Oluwaseun', 'Adaeze', 'Ngozi', 'Emeka', 'Folake', 'Kwame', 'Ama', 'Kofi', 'Abena',
      'Tunde', 'Chiamaka', 'Ifeoma', 'Yaw',
    ],
    family: [
      'Okafor', 'Adeyemi', 'Okonkwo', 'Eze', 'Mensah', 'Boateng', 'Owusu', 'Adebayo', 'Nwosu', 'Asante',
      'Oyelaran', 'Osei', 'Obi', 'Afolabi',
    ],
  },
  {
    key: 'arabic',
    weight: 4,
    given: [
      'Ahmad', 'Omar', 'Khaled', 'Youssef', 'Rania', 'Layla', 'Nour', 'Huda', 'Samir', 'Rami', 'Mariam',
      'Hiba', 'Tarek', 'Amal',
    ],
    family: [
      'Haddad', 'Khoury', 'Saleh', 'Mansour', 'Abdallah', 'Nasser', 'Hamdan', 'Al-Sayed', 'Darwish',
      'Karam', 'Al-Masri', 'Aziz', 'Farouk', 'Ibrahim',
    ],
  },
  {
    key: 'persian',
    weight: 3,
    given: [
      'Reza', 'Mehdi', 'Ali', 'Arash', 'Dariush', 'Parisa', 'Shirin', 'Maryam', 'Niloufar', 'Leila',
      'Sara', 'Kian',
    ],
    family: [
      'Hosseini', 'Rahimi', 'Karimi', 'Mohammadi', 'Ahmadi', 'Tehrani', 'Rostami', 'Jafari', 'Moradi',
      'Sadeghi', 'Azizi', 'Najafi',
    ],
  },
  {
    key: 'korean',
    weight: 2,
    given: ['Min-jun', 'Ji-woo', 'Seo-yeon', 'Hyun-woo', 'Eun-ji', 'Jae-won', 'Soo-jin', 'Dong-hyun', 'Ha-eun', 'Jin'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim'],
  },
  {
    key: 'vietnamese',
    weight: 2,
    given: ['Minh', 'Thanh', 'Linh', 'Huong', 'Tuan', 'Quang', 'Trang', 'Phuong', 'Duc', 'Hoa', 'Khanh', 'Vy'],
    family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Phan', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo', 'Truong'],
  },
  {
    key: 'eastern_european',
    weight: 5,
    given: [
      'Łukasz', 'Małgorzata', 'Katarzyna', 'Piotr', 'Olena', 'Oksana', 'Andriy', 'Dmitri', 'Natalia', 'Yulia',
      'Tomasz', 'Zoë', 'Agnieszka', 'Bohdan', 'Irina',
    ],
    family: [
      'Kowalski', 'Nowak', 'Wiśniewski', 'Kowalczyk', 'Zieliński', 'Shevchenko', 'Kovalenko', 'Bondarenko',
      'Melnyk', 'Ivanov', 'Petrov', 'Smirnova', 'Horvat', 'Dvořák',
    ],
  },
  {
    key: 'greek',
    weight: 2,
    given: ['Georgios', 'Dimitrios', 'Konstantinos', 'Eleni', 'Maria', 'Athena', 'Nikos', 'Sofia', 'Christos', 'Despina'],
    family: [
      'Papadopoulos', 'Georgiou', 'Nikolaidis', 'Konstantinou', 'Dimitriou', 'Pappas', 'Vlahos', 'Antonopoulos',
    ],
  },
  {
    key: 'jewish_israeli',
    weight: 2,
    given: ['Avi', 'Noa', 'Tamar', 'Eitan', 'Yael', 'Moshe', 'Shira', 'Ari', 'Rivka', 'Daniel'],
    family: ['Cohen', 'Levy', 'Friedman', 'Goldberg', 'Rosenberg', 'Katz', 'Shapiro', 'Weiss', 'Mizrahi', 'Ben-David'],
  },
  {
    key: 'indigenous',
    weight: 1,
    given: ['Tanis', 'Cheyenne', 'Dakota', 'Shawn', 'Kyla', 'Jesse', 'Autumn', 'Waylon', 'Destiny', 'Tyson'],
    family: ['Cardinal', 'Bear', 'Whitehead', 'Sutherland', 'Meekis', 'Kakegamic', 'Manitowabi', 'Solomon', 'Linklater', 'Trudeau'],
  },
];

// French names, used for francophone clients and French-language agency staff. Ontario's
// francophones include Franco-Ontarians, Québécois and people from Haiti and francophone Africa.
export const FRENCH_NAME_GROUP: NameGroup = {
  key: 'francophone',
  weight: 0,
  given: [
    'Marie-Ève', 'Jean-François', 'Jean-Philippe', 'Geneviève', 'Mélanie', 'Stéphane', 'Sébastien', 'Élodie',
    'Hélène', 'François', 'Noémie', 'Chloé', 'Benoît', 'Amélie', 'Luc', 'Nathalie', 'Aminata', 'Mamadou',
    'Fatou', 'Moussa', 'Ousmane', 'Marie-Claire', 'Jean-Baptiste', 'Guerline', 'Wilner', 'Nadège',
  ],
  family: [
    'Tremblay', 'Gagnon', 'Côté', 'Bouchard', 'Gauthier', 'Lévesque', 'Bélanger', 'Pelletier', 'Bergeron',
    'Lalonde', 'Séguin', 'Ménard', 'Leblanc', 'Diallo', 'Traoré', 'Ndiaye', 'Koné', 'Mukendi', 'Jean-Louis',
    'Pierre-Louis', 'Joseph', 'Saint-Fleur', 'Desrosiers', 'Beauchamp',
  ],
};
