// Organizations, products, works and named concepts: the words that tell their kind, and well-known ones with their
// canonical spelling (speech-to-text writes "Open AI", "Deep Mind", "Space X"; the index must see one name).
// Written by hand for podsift from general knowledge of technology, science, media and public life; not derived
// from the evaluation corpus. Small on purpose: most kinds come from context cues, these settle the common cases.

/** Last words of organization names ("Boston Dynamics", "Stanford University", "Goldman Sachs Group"). */
export const ORG_LAST_WORDS: readonly string[] = [
  'Inc', 'Corp', 'Corporation', 'Company', 'Co', 'Ltd', 'LLC', 'Labs', 'Lab', 'Laboratory', 'Laboratories', 'University',
  'Institute', 'Foundation', 'Association', 'Society', 'Agency', 'Bank', 'Group', 'Party', 'Army', 'Navy', 'Force',
  'Council', 'Committee', 'Department', 'Ministry', 'College', 'School', 'Academy', 'Club', 'Studios', 'Studio', 'Records',
  'Press', 'Times', 'Post', 'Journal', 'News', 'Motors', 'Airlines', 'Technologies', 'Systems', 'Networks', 'Dynamics',
  'Robotics', 'Pharmaceuticals', 'Capital', 'Ventures', 'Partners', 'Industries', 'Enterprises', 'Media', 'Entertainment',
  'Games', 'Software', 'Microsystems', 'Semiconductor', 'Instruments', 'Federation', 'Union', 'Organization',
  'Administration', 'Bureau', 'Commission', 'Court', 'Senate', 'Congress', 'Parliament', 'Church', 'Hospital', 'Center',
  'Centre', 'Museum', 'Library', 'Fund', 'Trust', 'Alliance', 'League', 'Fleet', 'Guard', 'Corps', 'Brigade', 'Regiment',
  'Division', 'Service', 'Office', 'Team', 'Network', 'Magazine', 'Review', 'Quarterly', 'Gazette', 'Tribune',
];

/** First words of organization names ("University of Texas", "Bank of America", "Institute for Advanced Study"). */
export const ORG_FIRST_WORDS: readonly string[] = ['University', 'Institute', 'Bank', 'Ministry', 'Department', 'Church', 'House', 'Order', 'Academy'];

/** Last words of named concepts, events and ideas ("Fermi Paradox", "Turing Test", "World War II", "Marshall Plan"). */
export const CONCEPT_LAST_WORDS: readonly string[] = [
  'Theorem', 'Paradox', 'Principle', 'Law', 'Laws', 'Conjecture', 'Hypothesis', 'Test', 'Equation', 'Equations', 'Effect',
  'Problem', 'Trap', 'Dilemma', 'Machine', 'Prize', 'Award', 'War', 'Wars', 'Revolution', 'Empire', 'Age', 'Era',
  'Movement', 'Plan', 'Treaty', 'Act', 'Doctrine', 'Airlift', 'Dynasty', 'Olympics', 'Cup', 'Program', 'Programme',
  'Project', 'Mission', 'Algorithm', 'Constant', 'Number', 'Distribution', 'Fallacy', 'Razor', 'Experiment', 'Model',
  'Index', 'Scale', 'Crisis', 'Depression', 'Renaissance', 'Enlightenment', 'Holocaust', 'Genocide', 'Massacre',
  'Battle', 'Siege', 'Invasion', 'Landing', 'Summit', 'Accords', 'Agreement', 'Protocol', 'Manifesto', 'Constitution',
  'Amendment', 'Bible', 'Testament', 'Gospel', 'Sutra', 'Method', 'Process', 'Theory', 'Calculus', 'Conference',
  'Lecture', 'Lectures', 'Series', 'Curve', 'Limit', 'Sphere', 'Ring', 'Bomb', 'Day', 'Festival',
];

/** First words of named concepts and events ("Battle of Stalingrad", "Treaty of Versailles"). */
export const CONCEPT_FIRST_WORDS: readonly string[] = ['Battle', 'Treaty', 'Siege', 'War', 'Fall', 'Theory', 'Law', 'Book', 'Gospel'];

/** Well-known organizations, as canonically written. */
export const KNOWN_ORGANIZATIONS: readonly string[] = [
  'OpenAI', 'DeepMind', 'Google', 'Google Brain', 'Alphabet', 'Microsoft', 'Apple', 'Amazon', 'Facebook', 'Meta',
  'Netflix', 'Twitter', 'Tesla', 'SpaceX', 'Neuralink', 'The Boring Company', 'xAI', 'Anthropic', 'Nvidia', 'Intel',
  'AMD', 'IBM', 'Oracle', 'Samsung', 'Sony', 'Huawei', 'Baidu', 'Alibaba', 'Tencent', 'ByteDance', 'Uber', 'Lyft',
  'Airbnb', 'Waymo', 'Cruise', 'Boston Dynamics', 'Toyota', 'Ford', 'General Motors', 'BMW', 'Mercedes', 'Volkswagen',
  'Boeing', 'Airbus', 'Lockheed Martin', 'Blue Origin', 'Virgin Galactic', 'NASA', 'ESA', 'DARPA', 'CIA', 'FBI', 'NSA',
  'KGB', 'FSB', 'NATO', 'UN', 'United Nations', 'WHO', 'CDC', 'FDA', 'NIH', 'FTC', 'SEC', 'EU', 'European Union', 'IMF',
  'MIT', 'Stanford', 'Harvard', 'Yale', 'Princeton', 'Caltech', 'Berkeley', 'Oxford', 'Cambridge', 'Carnegie Mellon',
  'Columbia', 'ETH Zurich', 'Goldman Sachs', 'JPMorgan', 'BlackRock', 'Berkshire Hathaway', 'Coinbase', 'Binance', 'FTX',
  'PayPal', 'Stripe', 'Y Combinator', 'Sequoia', 'Andreessen Horowitz', 'GitHub', 'Wikipedia', 'Reddit', 'LinkedIn',
  'Instagram', 'WhatsApp', 'TikTok', 'YouTube', 'Spotify', 'Discord', 'Slack', 'Zoom', 'Dropbox', 'Salesforce',
  'Adobe', 'Blizzard', 'Nintendo', 'Valve', 'Epic Games', 'Pixar', 'Disney', 'Marvel', 'Warner Bros', 'HBO', 'CNN',
  'Fox News', 'BBC', 'MSNBC', 'New York Times', 'Washington Post', 'Wall Street Journal', 'The Economist', 'Reuters',
  'Bloomberg', 'Hamas', 'Hezbollah', 'ISIS', 'Al-Qaeda', 'Taliban', 'Red Army', 'Wehrmacht', 'SS', 'Gestapo', 'Wagner',
  'Supreme Court', 'Congress', 'Senate', 'Pentagon', 'Kremlin', 'Politburo', 'Communist Party', 'Democratic Party',
  'Republican Party', 'Tesla AI', 'OpenAI Codex', 'Hugging Face', 'Stability AI', 'Midjourney', 'Cerebras', 'Qualcomm',
  'ARM', 'TSMC', 'ASML', 'Bell Labs', 'Xerox PARC', 'Los Alamos', 'CERN', 'Fermilab', 'Starbucks', "McDonald's",
  'Coca-Cola', 'Pepsi', 'Walmart', 'Costco', 'Nike', 'Red Bull', 'UFC', 'NBA', 'NFL', 'Olympics', 'Athletic Greens',
];

/** Well-known products, software, models and platforms. */
export const KNOWN_PRODUCTS: readonly string[] = [
  'iPhone', 'iPad', 'MacBook', 'Android', 'Windows', 'Linux', 'Unix', 'macOS', 'iOS', 'Excel', 'PowerPoint',
  'Photoshop', 'Chrome', 'Firefox', 'Safari', 'Gmail', 'Google Maps', 'ChatGPT', 'GPT-2', 'GPT-3', 'GPT-4', 'Codex',
  'Copilot', 'GitHub Copilot', 'Bard', 'Grok', 'LLaMA', 'BERT', 'AlphaGo', 'AlphaZero', 'AlphaFold',
  'AlphaStar', 'Watson', 'Siri', 'Alexa', 'Autopilot', 'Full Self-Driving', 'Optimus', 'Starship', 'Starlink',
  'Falcon 9', 'Falcon Heavy', 'Model S', 'Model 3', 'Model X', 'Model Y', 'Cybertruck', 'Roadster',
  'Python', 'JavaScript', 'TypeScript', 'Java', 'C++', 'Lisp', 'Haskell', 'MATLAB',
  'Mathematica', 'Wolfram Alpha', 'TensorFlow', 'PyTorch', 'Keras', 'CUDA', 'ImageNet', 'Bitcoin', 'Ethereum',
  'Dogecoin', 'Solana', 'Minecraft', 'Fortnite', 'Diablo', 'Quake', 'Doom', 'StarCraft', 'Dota', 'Dota 2',
  'League of Legends', 'World of Warcraft', 'Elden Ring', 'Call of Duty', 'Grand Theft Auto', 'Tetris', 'PlayStation',
  'Xbox', 'Oculus', 'Vision Pro', 'Kindle', 'Roomba', 'Atlas', 'Hubble', 'James Webb', 'Voyager', 'Apollo',
  'ISS', 'Stable Diffusion', 'DALL-E', 'Tinder', 'Uber Eats', 'Clubhouse', 'Telegram', 'WeChat',
];

/** Well-known books, films and series that come up in general conversation, as canonically written. */
export const KNOWN_WORKS: readonly { name: string; kind: 'book' | 'film' }[] = [
  ...[
    '1984', 'Brave New World', 'Animal Farm', 'The Brothers Karamazov', 'Crime and Punishment', 'Notes from Underground',
    'War and Peace', 'Anna Karenina', 'The Gulag Archipelago', 'The Idiot', 'The Metamorphosis', 'The Trial',
    'Man’s Search for Meaning', 'The Myth of Sisyphus', 'The Stranger', 'Thus Spoke Zarathustra', 'Beyond Good and Evil',
    'Meditations', 'The Art of War', 'The Republic', 'The Prince', 'The Wealth of Nations', 'Das Kapital',
    'The Communist Manifesto', 'Atlas Shrugged', 'The Fountainhead', 'The Rise and Fall of the Third Reich',
    'Sapiens', 'The Selfish Gene', 'Gödel, Escher, Bach', 'The Hitchhiker’s Guide to the Galaxy', 'Dune',
    'The Lord of the Rings', 'The Hobbit', 'Harry Potter', 'The Culture', 'The Three-Body Problem', 'Neuromancer',
    'Snow Crash', 'Superintelligence', 'Life 3.0', 'The Structure of Scientific Revolutions', 'The Road', 'Blood Meridian',
    'Moby Dick', 'Don Quixote', 'The Great Gatsby', 'Siddhartha', 'Steppenwolf', 'The Old Man and the Sea',
    'Infinite Jest', 'The Bible', 'Quran', 'The Iliad', 'The Odyssey', 'Catch-22', 'Slaughterhouse-Five',
    'The Black Swan', 'Antifragile', 'Thinking, Fast and Slow', 'The Beginning of Infinity', 'The Fabric of Reality',
  ].map((name) => ({ name, kind: 'book' as const })),
  ...[
    '2001: A Space Odyssey', 'Star Wars', 'Star Trek', 'The Matrix', 'Blade Runner', 'Terminator', 'The Terminator',
    'Interstellar', 'Inception', 'The Godfather', 'Pulp Fiction', 'Fight Club', 'Forrest Gump', 'Good Will Hunting',
    'The Shawshank Redemption', 'Ex Machina', 'Westworld', 'Black Mirror', 'Game of Thrones', 'Breaking Bad',
    'The Wire', 'The Office', 'Seinfeld', 'The Simpsons', 'South Park', 'Rick and Morty', 'The Silo',
    'Silo', 'Idiocracy', 'Gladiator', 'Braveheart', 'Schindler’s List', 'Saving Private Ryan', 'Apocalypse Now',
    'Full Metal Jacket', 'A Clockwork Orange', 'The Shining', 'Jurassic Park', 'Titanic', 'Avatar', 'Rocky', 'Oppenheimer',
    'Barbie', 'Dr. Strangelove', 'Gattaca', 'WALL-E', 'Toy Story', 'The Lion King', 'Casablanca',
  ].map((name) => ({ name, kind: 'film' as const })),
];

/** Spellings that name a well-known entity another way ("US" and "America" are "United States"). */
export const ALIASES: Readonly<Record<string, string>> = {
  US: 'United States', 'U.S': 'United States', 'U.S.': 'United States', USA: 'United States', America: 'United States',
  'United States of America': 'United States', 'the States': 'United States', UK: 'United Kingdom',
  'U.K': 'United Kingdom', USSR: 'Soviet Union', 'Soviet Russia': 'Soviet Union', 'Open AI': 'OpenAI',
  'Deep Mind': 'DeepMind', 'Space X': 'SpaceX', 'Neural Link': 'Neuralink', 'You Tube': 'YouTube', 'Face Book': 'Facebook',
  'Chat GPT': 'ChatGPT', 'GPT3': 'GPT-3', 'GPT4': 'GPT-4', 'GPT2': 'GPT-2', 'GPT 3': 'GPT-3', 'GPT 4': 'GPT-4',
  'GPT 2': 'GPT-2', 'Alpha Go': 'AlphaGo', 'Alpha Zero': 'AlphaZero', 'Alpha Fold': 'AlphaFold', 'Tik Tok': 'TikTok',
  'Linked In': 'LinkedIn', 'Git Hub': 'GitHub', 'Massachusetts Institute of Technology': 'MIT',
  'Stanford University': 'Stanford', 'Harvard University': 'Harvard', 'Google DeepMind': 'DeepMind',
  'Zuck': 'Mark Zuckerberg', 'Dostoyevsky': 'Fyodor Dostoevsky', 'Zelensky': 'Volodymyr Zelenskyy', 'Zelenskiy': 'Volodymyr Zelenskyy',
  'FSD': 'Full Self-Driving', 'Kiev': 'Kyiv',
  'People’s Republic of China': 'China', "People's Republic of China": 'China', 'PRC': 'China', 'DPRK': 'North Korea',
  'Great Britain': 'United Kingdom', 'Britain': 'United Kingdom', 'Holland': 'Netherlands', 'Washington DC': 'Washington, D.C.',
  'Washington D.C': 'Washington, D.C.', 'NYC': 'New York City', 'LA': 'Los Angeles', 'SF': 'San Francisco',
  'WWII': 'World War II', 'WW2': 'World War II', 'World War 2': 'World War II', 'World War Two': 'World War II',
  'Second World War': 'World War II', 'WWI': 'World War I', 'WW1': 'World War I', 'World War 1': 'World War I',
  'World War One': 'World War I', 'First World War': 'World War I',
};
