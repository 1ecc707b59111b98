// "Did you know?" facts shown on the upload page while a batch goes through (one each
// 10 % of progress), in French and English. Each fact has its source in the comment
// above it; keep them true and sourced when adding one.
window.FocusRacerFacts = [
  // Source: World Athletics, "Marathon" (worldathletics.org/disciplines/road-running/marathon); https://en.wikipedia.org/wiki/Marathon
  { fr: 'Le marathon mesure 42,195 km depuis les Jeux de Londres 1908 ; la distance est devenue la norme officielle en 1921.',
    en: 'The marathon has measured 42.195 km since the 1908 London Olympics; the distance became the official standard in 1921.' },
  // Source: https://en.wikipedia.org/wiki/1908_Summer_Olympics_%E2%80%93_Men%27s_marathon
  { fr: 'En 1908, le départ du marathon olympique fut donné au château de Windsor et l’arrivée jugée devant la loge royale du stade.',
    en: 'In 1908 the Olympic marathon started at Windsor Castle and finished in front of the royal box in the stadium.' },
  // Source: https://en.wikipedia.org/wiki/Dorando_Pietri
  { fr: 'Dorando Pietri entra premier dans le stade au marathon de 1908, mais fut disqualifié pour avoir été aidé à franchir la ligne.',
    en: 'Dorando Pietri entered the stadium first in the 1908 marathon but was disqualified because officials helped him across the line.' },
  // Source: Herodotus, Histories VI.105–106; https://en.wikipedia.org/wiki/Pheidippides
  { fr: 'Selon Hérodote, le messager Philippidès courut d’Athènes à Sparte pour demander de l’aide avant la bataille de Marathon (490 av. J.-C.).',
    en: 'According to Herodotus, the messenger Pheidippides ran from Athens to Sparta to ask for help before the battle of Marathon (490 BC).' },
  // Source: https://www.olympics.com/en/athletes/spyridon-louis
  { fr: 'Le premier marathon olympique, à Athènes en 1896, fut gagné par le Grec Spyridon Louis.',
    en: 'The first Olympic marathon, in Athens in 1896, was won by the Greek Spyridon Louis.' },
  // Source: https://www.spartathlon.gr/en/the-race-en/history.html
  { fr: 'Le Spartathlon relie Athènes à Sparte sur 246 km ; sa première édition date de 1983.',
    en: 'The Spartathlon links Athens and Sparta over 246 km; it was first held in 1983.' },
  // Source: https://www.baa.org/races/boston-marathon/history
  { fr: 'Le marathon de Boston, couru depuis 1897, est le plus ancien marathon annuel du monde.',
    en: 'The Boston Marathon, run since 1897, is the world’s oldest annual marathon.' },
  // Source: https://en.wikipedia.org/wiki/Kathrine_Switzer
  { fr: 'En 1967, Kathrine Switzer fut la première femme à courir Boston avec un dossard officiel, le n° 261.',
    en: 'In 1967 Kathrine Switzer became the first woman to run Boston with an official bib, number 261.' },
  // Source: https://en.wikipedia.org/wiki/Bobbi_Gibb
  { fr: 'Un an avant, en 1966, Bobbi Gibb avait couru le marathon de Boston sans dossard, cachée dans les buissons au départ.',
    en: 'A year earlier, in 1966, Bobbi Gibb ran the Boston Marathon without a bib after hiding in the bushes near the start.' },
  // Source: https://www.olympics.com/en/athletes/joan-benoit
  { fr: 'Le marathon féminin n’est entré aux Jeux olympiques qu’en 1984, à Los Angeles ; Joan Benoit l’a gagné.',
    en: 'The women’s marathon only joined the Olympic Games in 1984, in Los Angeles; Joan Benoit won it.' },
  // Source: https://www.olympics.com/en/athletes/abebe-bikila
  { fr: 'Abebe Bikila a gagné le marathon olympique de Rome en 1960 pieds nus.',
    en: 'Abebe Bikila won the 1960 Olympic marathon in Rome barefoot.' },
  // Source: https://www.olympics.com/en/athletes/emil-zatopek
  { fr: 'À Helsinki en 1952, Emil Zátopek gagna le 5 000 m, le 10 000 m et le marathon, le premier de sa vie.',
    en: 'At Helsinki in 1952, Emil Zátopek won the 5,000 m, the 10,000 m and the marathon, the first one he ever ran.' },
  // Source: https://worldathletics.org/records/by-discipline/road-running/marathon/outdoor/men (Kelvin Kiptum, Chicago, 8 October 2023)
  { fr: 'Le record du monde du marathon masculin est de 2 h 00 min 35 s, par Kelvin Kiptum à Chicago en 2023.',
    en: 'The men’s marathon world record is 2:00:35, set by Kelvin Kiptum in Chicago in 2023.' },
  // Source: https://en.wikipedia.org/wiki/Ineos_1:59_Challenge
  { fr: 'Le 12 octobre 2019 à Vienne, Eliud Kipchoge a couru un marathon en 1 h 59 min 40 s, lors d’un essai non homologable comme record.',
    en: 'On 12 October 2019 in Vienna, Eliud Kipchoge ran a marathon in 1:59:40, in a trial that could not count as a record.' },
  // Source: https://www.olympics.com/en/athletes/eliud-kipchoge
  { fr: 'Eliud Kipchoge a gagné deux marathons olympiques : Rio 2016 et Tokyo 2020.',
    en: 'Eliud Kipchoge won two Olympic marathons: Rio 2016 and Tokyo 2020.' },
  // Source: https://www.bmw-berlin-marathon.com/en/ ; World Athletics record 2:01:09, 25 September 2022
  { fr: 'À Berlin en 2022, Eliud Kipchoge a porté le record du monde du marathon à 2 h 01 min 09 s.',
    en: 'In Berlin in 2022, Eliud Kipchoge lowered the marathon world record to 2:01:09.' },
  // Source: https://en.wikipedia.org/wiki/Athletics_at_the_2020_Summer_Olympics_%E2%80%93_Men%27s_marathon
  { fr: 'Le marathon des Jeux de Tokyo 2020 a été couru à Sapporo, plus au nord, à cause de la chaleur.',
    en: 'The Tokyo 2020 Olympic marathon was run in Sapporo, further north, because of the heat.' },
  // Source: https://en.wikipedia.org/wiki/Paula_Radcliffe
  { fr: 'Le record du marathon de Paula Radcliffe (2 h 15 min 25 s, Londres 2003) a tenu 16 ans.',
    en: 'Paula Radcliffe’s marathon record (2:15:25, London 2003) stood for 16 years.' },
  // Source: https://worldathletics.org/news/report/chicago-marathon-2019-brigid-kosgei-world-record
  { fr: 'Brigid Kosgei a battu le record de Paula Radcliffe à Chicago en 2019, en 2 h 14 min 04 s.',
    en: 'Brigid Kosgei broke Paula Radcliffe’s record in Chicago in 2019, running 2:14:04.' },
  // Source: World Athletics Competition Rules, road races (half marathon 21.0975 km)
  { fr: 'Un semi-marathon mesure exactement 21,0975 km.',
    en: 'A half marathon is exactly 21.0975 km long.' },
  // Source: https://worldathletics.org/records/by-discipline/sprints/100-metres/outdoor/men
  { fr: 'Usain Bolt a couru le 100 m en 9,58 s à Berlin le 16 août 2009 : toujours le record du monde.',
    en: 'Usain Bolt ran the 100 m in 9.58 s in Berlin on 16 August 2009: still the world record.' },
  // Source: https://worldathletics.org/records/by-discipline/sprints/200-metres/outdoor/men
  { fr: 'Quatre jours plus tard, toujours à Berlin, Usain Bolt a couru le 200 m en 19,19 s.',
    en: 'Four days later, still in Berlin, Usain Bolt ran the 200 m in 19.19 s.' },
  // Source: IAAF Biomechanics Research Project, Berlin 2009 (men's 100 m), reported at 12.42 m/s
  { fr: 'Lors de son 9,58 s, Usain Bolt a atteint environ 44,7 km/h entre 60 et 80 m.',
    en: 'During his 9.58 s, Usain Bolt reached about 44.7 km/h between 60 and 80 m.' },
  // Source: https://worldathletics.org/records/by-discipline/sprints/100-metres/outdoor/women
  { fr: 'Le record du monde féminin du 100 m, 10,49 s, date de 1988 : Florence Griffith-Joyner à Indianapolis.',
    en: 'The women’s 100 m world record, 10.49 s, dates from 1988: Florence Griffith-Joyner in Indianapolis.' },
  // Source: https://en.wikipedia.org/wiki/Roger_Bannister
  { fr: 'Le 6 mai 1954 à Oxford, Roger Bannister courut le premier mile sous les 4 minutes : 3 min 59 s 4.',
    en: 'On 6 May 1954 in Oxford, Roger Bannister ran the first mile under 4 minutes: 3:59.4.' },
  // Source: https://worldathletics.org/records/by-discipline/middle-long/one-mile/outdoor/men
  { fr: 'Le record du monde du mile, 3 min 43 s 13, est détenu par Hicham El Guerrouj depuis 1999.',
    en: 'The mile world record, 3:43.13, has been held by Hicham El Guerrouj since 1999.' },
  // Source: https://worldathletics.org/records/by-discipline/middle-long/one-mile/outdoor/women
  { fr: 'Faith Kipyegon a couru le mile en 4 min 07 s 64 à Monaco en 2023, record du monde.',
    en: 'Faith Kipyegon ran the mile in 4:07.64 in Monaco in 2023, a world record.' },
  // Source: https://worldathletics.org/records/by-discipline/middle-long/800-metres/outdoor/men
  { fr: 'David Rudisha a établi le record du monde du 800 m (1 min 40 s 91) en finale olympique à Londres en 2012, en menant de bout en bout.',
    en: 'David Rudisha set the 800 m world record (1:40.91) in the 2012 London Olympic final, leading from start to finish.' },
  // Source: https://worldathletics.org/records/by-discipline/middle-long/800-metres/outdoor/women
  { fr: 'Le record du monde féminin du 800 m (1 min 53 s 28, Jarmila Kratochvílová) tient depuis 1983.',
    en: 'The women’s 800 m world record (1:53.28, Jarmila Kratochvílová) has stood since 1983.' },
  // Source: https://www.olympics.com/en/athletes/paavo-nurmi
  { fr: 'Le Finlandais Paavo Nurmi a gagné neuf médailles d’or olympiques en course, de 1920 à 1928.',
    en: 'Finland’s Paavo Nurmi won nine Olympic gold medals in running between 1920 and 1928.' },
  // Source: World Athletics Track and Field Facilities Manual (400 m standard track)
  { fr: 'Un tour de piste standard mesure 400 m, dans le couloir 1.',
    en: 'A standard running track is 400 m around, in lane 1.' },
  // Source: World Athletics Competition Rules, 3000 m steeplechase (28 hurdle and 7 water jumps)
  { fr: 'Le 3 000 m steeple compte 28 passages de barrières et 7 sauts de rivière.',
    en: 'The 3,000 m steeplechase has 28 barrier jumps and 7 water jumps.' },
  // Source: World Athletics Competition Rules (decathlon, heptathlon)
  { fr: 'Le décathlon enchaîne 10 épreuves sur deux jours ; l’heptathlon féminin en compte 7.',
    en: 'The decathlon packs 10 events into two days; the women’s heptathlon has 7.' },
  // Source: World Athletics Competition Rules, road races: official time from the starting signal
  { fr: 'Sur route, le temps officiel d’un record part du coup de pistolet, pas du passage sur la ligne de départ.',
    en: 'On the road, the official time for records runs from the starting gun, not from crossing the start line.' },
  // Source: World Athletics, athletic shoe regulations (January 2020): road shoe soles at most 40 mm
  { fr: 'Depuis 2020, les semelles des chaussures de course sur route ne doivent pas dépasser 40 mm d’épaisseur en compétition.',
    en: 'Since 2020, road racing shoe soles may be no thicker than 40 mm in competition.' },
  // Source: Rapoport B. I., "Metabolic factors limiting performance in marathon runners", PLoS Comput Biol, 2010
  { fr: 'Le fameux « mur » du marathon, souvent vers le 30e km, vient de l’épuisement des réserves de glycogène des muscles.',
    en: 'The marathon’s famous “wall”, often around km 30, comes from the muscles running low on glycogen.' },
  // Source: https://en.wikipedia.org/wiki/Comrades_Marathon
  { fr: 'La Comrades, en Afrique du Sud, se court depuis 1921 sur environ 90 km : le plus ancien ultramarathon du monde.',
    en: 'South Africa’s Comrades has been run since 1921 over about 90 km: the world’s oldest ultramarathon.' },
  // Source: https://en.wikipedia.org/wiki/Ultra-Trail_du_Mont-Blanc
  { fr: 'L’UTMB fait le tour du Mont-Blanc par la France, l’Italie et la Suisse ; la première édition a eu lieu en 2003.',
    en: 'The UTMB goes round Mont Blanc through France, Italy and Switzerland; it was first held in 2003.' },
  // Source: https://en.wikipedia.org/wiki/Marathon_des_Sables
  { fr: 'Le Marathon des Sables, course à étapes d’environ 250 km dans le Sahara marocain, existe depuis 1986.',
    en: 'The Marathon des Sables, a stage race of about 250 km in the Moroccan Sahara, has existed since 1986.' },
  // Source: https://www.wser.org/history/
  { fr: 'En 1974, Gordy Ainsleigh a couru à pied les 100 miles de la Tevis Cup, une course à cheval : c’est l’origine de la Western States.',
    en: 'In 1974 Gordy Ainsleigh ran the 100-mile Tevis Cup horse ride on foot: the origin of the Western States race.' },
  // Source: https://en.wikipedia.org/wiki/Grand_Raid
  { fr: 'Le Grand Raid de La Réunion, surnommé la Diagonale des Fous, traverse toute l’île par les montagnes.',
    en: 'Réunion’s Grand Raid, nicknamed the Diagonale des Fous, crosses the whole island over the mountains.' },
  // Source: International Association of Ultrarunners (IAU) records; Aleksandr Sorokin, Verona, September 2022
  { fr: 'Aleksandr Sorokin a couru 319,6 km en 24 heures en 2022, record du monde.',
    en: 'Aleksandr Sorokin ran 319.6 km in 24 hours in 2022, a world record.' },
  // Source: https://en.wikipedia.org/wiki/New_York_City_Marathon
  { fr: 'Le premier marathon de New York, en 1970, se courait dans Central Park : 127 partants, 55 arrivants.',
    en: 'The first New York City Marathon, in 1970, was run in Central Park: 127 starters, 55 finishers.' },
  // Source: New York Road Runners, 2024 TCS New York City Marathon results (55,646 finishers)
  { fr: 'Avec plus de 55 000 arrivants, le marathon de New York 2024 est le plus grand marathon jamais couru.',
    en: 'With more than 55,000 finishers, the 2024 New York City Marathon is the largest marathon ever run.' },
  // Source: https://www.worldmarathonmajors.com/ (Sydney joined in 2025)
  { fr: 'Les Abbott World Marathon Majors réunissent Tokyo, Boston, Londres, Berlin, Chicago, New York et, depuis 2025, Sydney.',
    en: 'The Abbott World Marathon Majors are Tokyo, Boston, London, Berlin, Chicago, New York and, since 2025, Sydney.' },
  // Source: https://www.tcslondonmarathon.com/ (over £1 billion raised for charity since 1981)
  { fr: 'Depuis sa création en 1981, le marathon de Londres a récolté plus d’un milliard de livres pour des associations.',
    en: 'Since it began in 1981, the London Marathon has raised more than £1 billion for charity.' },
  // Source: https://en.wikipedia.org/wiki/Parkrun
  { fr: 'Le premier parkrun a eu lieu le 2 octobre 2004 à Bushy Park, à Londres, avec 13 coureurs.',
    en: 'The first parkrun took place on 2 October 2004 in Bushy Park, London, with 13 runners.' },
  // Source: https://en.wikipedia.org/wiki/Ekiden
  { fr: 'L’ekiden, le marathon en relais, est né au Japon en 1917, entre Kyoto et Tokyo.',
    en: 'The ekiden, the marathon relay, was born in Japan in 1917, between Kyoto and Tokyo.' },
  // Source: https://en.wikipedia.org/wiki/Hakone_Ekiden
  { fr: 'L’ekiden universitaire de Hakone, créé en 1920, se court chaque année les 2 et 3 janvier devant des millions de téléspectateurs japonais.',
    en: 'Hakone’s university ekiden, first run in 1920, takes place every 2 and 3 January in front of millions of Japanese viewers.' },
  // Source: https://en.wikipedia.org/wiki/1904_Summer_Olympics_%E2%80%93_Men%27s_marathon
  { fr: 'Au marathon olympique de 1904, Fred Lorz franchit la ligne en premier… après avoir fait une partie du parcours en voiture.',
    en: 'At the 1904 Olympic marathon, Fred Lorz crossed the line first… after riding part of the course in a car.' },
  // Source: https://www.olympics.com/ioc/olympic-motto (Communiter added in 2021)
  { fr: 'La devise olympique « Citius, Altius, Fortius » est devenue « Citius, Altius, Fortius – Communiter » en 2021.',
    en: 'The Olympic motto “Citius, Altius, Fortius” became “Citius, Altius, Fortius – Communiter” in 2021.' },
  // Source: https://www.olympics.com/ioc/faq/history-and-origin-of-the-games (Coubertin, Sorbonne, 23 June 1894)
  { fr: 'Le Comité international olympique a été fondé à Paris, à la Sorbonne, le 23 juin 1894, à l’initiative de Pierre de Coubertin.',
    en: 'The International Olympic Committee was founded in Paris, at the Sorbonne, on 23 June 1894, on Pierre de Coubertin’s initiative.' },
  // Source: https://www.olympics.com/en/olympic-games (Paris 1900, 1924, 2024)
  { fr: 'Paris a accueilli les Jeux olympiques d’été trois fois : en 1900, 1924 et 2024.',
    en: 'Paris has hosted the Summer Olympics three times: 1900, 1924 and 2024.' },
  // Source: https://www.olympics.com/en/paris-2024 (marathon course and Marathon Pour Tous)
  { fr: 'Le parcours du marathon de Paris 2024 passait par Versailles, en hommage à la marche des femmes d’octobre 1789.',
    en: 'The Paris 2024 marathon course went through Versailles, in homage to the women’s march of October 1789.' },
  // Source: https://www.olympics.com/en/paris-2024/athletes/sifan-hassan
  { fr: 'Sifan Hassan a gagné le marathon olympique de Paris 2024, dernière épreuve d’athlétisme des Jeux.',
    en: 'Sifan Hassan won the Paris 2024 Olympic marathon, the last athletics event of the Games.' },
  // Source: https://www.olympics.com/en/news/paris-2024-medals-eiffel-tower
  { fr: 'Chaque médaille de Paris 2024 porte un morceau de fer d’origine de la tour Eiffel.',
    en: 'Every Paris 2024 medal carries a piece of original iron from the Eiffel Tower.' },
  // Source: Olympic Charter / IOC rules on medals (gold medals: silver gilded with at least 6 g of gold)
  { fr: 'Une médaille d’or olympique est en argent, dorée avec au moins 6 g d’or.',
    en: 'An Olympic gold medal is made of silver, plated with at least 6 g of gold.' },
  // Source: https://www.olympics.com/ioc/olympic-rings
  { fr: 'Selon Coubertin, qui les dessina en 1913, les couleurs des anneaux olympiques et leur fond blanc se retrouvaient dans tous les drapeaux de l’époque.',
    en: 'According to Coubertin, who drew them in 1913, the Olympic rings’ colours and white background were found in every national flag of the time.' },
  // Source: https://www.ironman.com/history
  { fr: 'Le premier Ironman, à Hawaï en 1978 : 3,8 km de natation, 180 km de vélo, puis un marathon.',
    en: 'The first Ironman, in Hawaii in 1978: a 3.8 km swim, 180 km on the bike, then a marathon.' },
  // Source: https://www.letour.fr/en/history
  { fr: 'Le premier Tour de France a été couru en 1903.',
    en: 'The first Tour de France was raced in 1903.' },
  // Source: https://www.olympics.com/en/athletes/michael-phelps
  { fr: 'Michael Phelps détient le record de médailles olympiques : 28, dont 23 en or.',
    en: 'Michael Phelps holds the record for Olympic medals: 28, of which 23 gold.' },
  // Source: https://en.wikipedia.org/wiki/James_Naismith
  { fr: 'Le basket-ball a été inventé en 1891 par James Naismith, à Springfield, dans le Massachusetts.',
    en: 'Basketball was invented in 1891 by James Naismith in Springfield, Massachusetts.' },
  // Source: https://www.fifa.com/tournaments/mens/worldcup/1930uruguay
  { fr: 'La première Coupe du monde de football a eu lieu en Uruguay en 1930.',
    en: 'The first football World Cup was held in Uruguay in 1930.' },
  // Source: https://www.wimbledon.com/en_GB/about_wimbledon/history.html
  { fr: 'Wimbledon, le plus ancien tournoi de tennis, s’est joué pour la première fois en 1877.',
    en: 'Wimbledon, the oldest tennis tournament, was first played in 1877.' },
];
