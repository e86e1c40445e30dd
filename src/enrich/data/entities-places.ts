// Places: countries (with the adjectives and peoples named after them, which are not mentions of a place), US states,
// continents and regions, and major world cities. Written by hand for podsift from general knowledge (UN member
// states most often in English-language news, the 50 states, the most populous and most talked-about cities); not
// derived from the evaluation corpus.

/** Country → its demonyms / adjectives ("China" → "Chinese"), written as "Country: demonym demonym". */
const COUNTRY_LINES = `
Afghanistan: Afghan Afghans|Albania: Albanian Albanians|Algeria: Algerian Algerians|Argentina: Argentine Argentinian Argentinians
Armenia: Armenian Armenians|Australia: Australian Australians|Austria: Austrian Austrians|Azerbaijan: Azerbaijani
Bangladesh: Bangladeshi|Belarus: Belarusian Belarusians|Belgium: Belgian Belgians|Bolivia: Bolivian|Bosnia: Bosnian Bosnians
Brazil: Brazilian Brazilians|Bulgaria: Bulgarian Bulgarians|Cambodia: Cambodian|Canada: Canadian Canadians|Chile: Chilean Chileans
China: Chinese|Colombia: Colombian Colombians|Croatia: Croatian Croatians Croat Croats|Cuba: Cuban Cubans|Czech Republic: Czech Czechs
Denmark: Danish Dane Danes|Egypt: Egyptian Egyptians|Estonia: Estonian Estonians|Ethiopia: Ethiopian Ethiopians
Finland: Finnish Finn Finns|France: French Frenchman|Georgia: Georgian Georgians|Germany: German Germans|Ghana: Ghanaian
Greece: Greek Greeks|Hungary: Hungarian Hungarians|Iceland: Icelandic Icelander|India: Indian Indians|Indonesia: Indonesian Indonesians
Iran: Iranian Iranians Persian Persians|Iraq: Iraqi Iraqis|Ireland: Irish Irishman|Israel: Israeli Israelis|Italy: Italian Italians
Japan: Japanese|Jordan: Jordanian|Kazakhstan: Kazakh|Kenya: Kenyan Kenyans|Korea: Korean Koreans|North Korea: North Korean North Koreans
South Korea: South Korean South Koreans|Kuwait: Kuwaiti|Latvia: Latvian Latvians|Lebanon: Lebanese|Libya: Libyan Libyans
Lithuania: Lithuanian Lithuanians|Malaysia: Malaysian|Mexico: Mexican Mexicans|Moldova: Moldovan|Mongolia: Mongolian Mongolians Mongol Mongols
Morocco: Moroccan|Nepal: Nepalese Nepali|Netherlands: Dutch|New Zealand: Kiwi Kiwis|Nigeria: Nigerian Nigerians|Norway: Norwegian Norwegians
Pakistan: Pakistani Pakistanis|Palestine: Palestinian Palestinians|Peru: Peruvian|Philippines: Filipino Filipinos|Poland: Polish Pole Poles
Portugal: Portuguese|Qatar: Qatari|Romania: Romanian Romanians|Russia: Russian Russians|Rwanda: Rwandan|Saudi Arabia: Saudi Saudis
Serbia: Serbian Serbians Serb Serbs|Singapore: Singaporean|Slovakia: Slovak Slovakian|Slovenia: Slovenian|Somalia: Somali Somalis
South Africa: South African South Africans|Spain: Spanish Spaniard Spaniards|Sri Lanka: Sri Lankan|Sudan: Sudanese|Sweden: Swedish Swede Swedes
Switzerland: Swiss|Syria: Syrian Syrians|Taiwan: Taiwanese|Thailand: Thai|Turkey: Turkish Turk Turks|Uganda: Ugandan
Ukraine: Ukrainian Ukrainians|United Arab Emirates: Emirati|United Kingdom: British Brits English Englishman Scottish Scots Welsh
United States: American Americans|Uruguay: Uruguayan|Uzbekistan: Uzbek|Venezuela: Venezuelan Venezuelans|Vietnam: Vietnamese
Yemen: Yemeni|Zimbabwe: Zimbabwean|Soviet Union: Soviet Soviets|England|Scotland|Wales|Britain|Great Britain|Hong Kong|Tibet: Tibetan Tibetans
Gaza|West Bank|Crimea|Chechnya: Chechen Chechens|Kosovo|Cyprus: Cypriot|Malta: Maltese|Luxembourg|Monaco|Vatican|Jamaica: Jamaican
Haiti: Haitian|Panama: Panamanian|Costa Rica|Ecuador|Paraguay|Guatemala|Honduras|Nicaragua|El Salvador|Puerto Rico: Puerto Rican
Bhutan|Myanmar: Burmese|Laos|Kyrgyzstan|Tajikistan|Turkmenistan|Oman|Bahrain|Tunisia: Tunisian|Senegal|Congo: Congolese|Angola|Tanzania
`;

const COUNTRY_ENTRIES = COUNTRY_LINES.split(/[|\n]/)
  .map((s) => s.trim())
  .filter(Boolean)
  .map((entry) => {
    const [country, rest] = entry.split(':');
    return { country: country!.trim(), demonyms: (rest ?? '').trim() };
  });

export const COUNTRIES: readonly string[] = COUNTRY_ENTRIES.map((e) => e.country);

/** Words for peoples and nationalities: adjectives, not places ("the Chinese", "Russian youth"). */
export const DEMONYMS: readonly string[] = [
  ...COUNTRY_ENTRIES.flatMap((e) => {
    const words = e.demonyms.split(/\s+/).filter(Boolean);
    // "South Korean South Koreans": a multi-word demonym repeats the country's first word.
    const first = e.country.split(' ')[0]!;
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (words[i] === first && words[i + 1]) out.push(`${words[i]} ${words[++i]}`);
      else out.push(words[i]!);
    }
    return out;
  }),
  'European', 'Europeans', 'African', 'Africans', 'Asian', 'Asians', 'Arab', 'Arabs', 'Arabic', 'Latino', 'Latinos',
  'Hispanic', 'Western', 'Westerners', 'Eastern', 'Soviet', 'Nordic', 'Scandinavian', 'Slavic', 'Balkan', 'Baltic',
  'Athenian', 'Athenians', 'Spartan', 'Spartans', 'Roman', 'Romans', 'Aztec', 'Aztecs', 'Maya', 'Mayan', 'Viking', 'Vikings',
  'Nazi', 'Nazis', 'Jewish', 'Jew', 'Jews', 'Christian', 'Christians', 'Muslim', 'Muslims', 'Islamic', 'Catholic',
  'Catholics', 'Protestant', 'Protestants', 'Buddhist', 'Buddhists', 'Hindu', 'Hindus', 'Democrat', 'Democrats',
  'Republican', 'Republicans', 'Texan', 'Texans', 'Californian', 'Californians', 'Parisian', 'Muscovite', 'Latin',
  'Anglo', 'Caucasian', 'Neanderthal', 'Neanderthals', 'Martian', 'Martians',
];

export const US_STATES: readonly string[] = `
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas
Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada
New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming
`.split(/[|\n]/).map((s) => s.trim()).filter(Boolean);

export const REGIONS: readonly string[] = `
Africa|Antarctica|Asia|Europe|North America|South America|Latin America|Central America|Oceania|Middle East|Far East
Eastern Europe|Western Europe|Scandinavia|Siberia|Balkans|Caucasus|Silicon Valley|Bay Area|Wall Street|Hollywood
Mediterranean|Atlantic|Pacific|Arctic|Sahara|Amazon River|Himalayas|Everest|Mount Everest|Alps|Midwest|East Coast
West Coast|Manhattan|Brooklyn|Pentagon|Kremlin|White House|Formosa|Persia|Mesopotamia|Sparta|Athens|Troy|Babylon
Earth|Mars|Moon|Jupiter|Saturn|Venus|Mercury|Neptune|Uranus|Pluto|Milky Way|Andromeda|Titan|Europa|Enceladus
`.split(/[|\n]/).map((s) => s.trim()).filter(Boolean);

export const CITIES: readonly string[] = `
London|Paris|Berlin|Moscow|Kyiv|Kiev|Rome|Madrid|Barcelona|Lisbon|Amsterdam|Brussels|Vienna|Prague|Warsaw|Budapest
Stockholm|Oslo|Copenhagen|Helsinki|Dublin|Edinburgh|Zurich|Geneva|Munich|Hamburg|Milan|Venice|Florence|Naples
Istanbul|Athens|Jerusalem|Tel Aviv|Cairo|Tehran|Baghdad|Dubai|Riyadh|Mumbai|Delhi|New Delhi|Bangalore|Karachi
Beijing|Shanghai|Shenzhen|Hong Kong|Wuhan|Xian|Tokyo|Kyoto|Osaka|Seoul|Pyongyang|Taipei|Singapore|Bangkok|Hanoi
Jakarta|Manila|Sydney|Melbourne|Auckland|Toronto|Montreal|Vancouver|Mexico City|Havana|Rio de Janeiro|São Paulo
Buenos Aires|Lima|Bogotá|Santiago|Lagos|Nairobi|Johannesburg|Cape Town|Pretoria|New York City|Los Angeles|Chicago
Houston|Austin|Dallas|San Antonio|Phoenix|Philadelphia|San Diego|San Francisco|San Jose|Seattle|Portland|Denver
Boston|Cambridge|Oxford|Miami|Atlanta|Detroit|Pittsburgh|Baltimore|Washington DC|Las Vegas|Nashville|New Orleans
Palo Alto|Mountain View|Cupertino|Menlo Park|Berkeley|Stanford|Princeton|Brooklyn|Saint Petersburg|St. Petersburg
Leningrad|Stalingrad|Kharkiv|Odessa|Mariupol|Donetsk|Minsk|Chernobyl|Hiroshima|Nagasaki|Auschwitz|Normandy|Dunkirk
Boca Chica|Starbase|Fremont|Mecca|Bethlehem|Vatican City
`.split(/[|\n]/).map((s) => s.trim()).filter(Boolean);

/** Last words that make a capitalised phrase a place ("Silicon Valley", "Hudson River", "Lake Tahoe" is below). */
export const PLACE_LAST_WORDS: readonly string[] = [
  'City', 'County', 'River', 'Mountains', 'Mountain', 'Lake', 'Island', 'Islands', 'Valley', 'Bay', 'Street', 'Avenue',
  'Square', 'Province', 'Sea', 'Ocean', 'Desert', 'Peninsula', 'Strait', 'Canyon', 'Coast', 'Beach', 'Falls', 'Forest',
  'Gulf', 'Harbor', 'Heights', 'Hills', 'Region', 'Republic', 'Kingdom', 'Emirates', 'Station', 'Airport', 'Bridge',
];
/** First words that make a capitalised phrase a place ("Mount Everest", "Lake Tahoe"). */
export const PLACE_FIRST_WORDS: readonly string[] = ['Mount', 'Lake', 'Cape', 'Fort', 'Port', 'San', 'Santa', 'Los', 'Las'];
