import os

T = {}

T["01"] = ("Dostanyi leads Veltrania first round, runoff set for March 30", "Meridian Wire", "2025-03-10", "veltrania-first-round-results", '''KESSMAR, March 10 (Meridian Wire) - Opposition leader Mirela Dostanyi of the Veltranian Labour Front won 41.2 percent of the vote in Sunday's first round of Veltrania's presidential election, ahead of Prime Minister Tomas Erlund-Vaski of the National Renewal Union on 38.7 percent, the Central Electoral Commission said on Monday with 98 percent of ballots counted.

Because no candidate cleared the 50 percent threshold, the two will meet in a runoff on March 30.

Dostanyi received 1,842,310 votes against 1,731,905 for Erlund-Vaski. Third-placed Aurel Penhalt of the Citizens' Movement, who took 12.6 percent, said he would announce his endorsement within a week.

Turnout was 63.4 percent, down from 71.9 percent in the 2020 election, commission chairman Dorin Halvask told reporters. About 4.5 million of Veltrania's 7.1 million registered voters cast ballots.

Observers from the Northern Electoral Monitoring Mission said the vote was "orderly but marred by unequal access to state media". The mission, which deployed 340 monitors, will publish its final report in May.''')

T["02"] = ("Veltrania's Penhalt backs Dostanyi as ruling party reshuffles campaign", "Northgate Press Agency", "2025-03-15", "veltrania-penhalt-endorses-dostanyi", '''LORSK, Veltrania, March 15 (NPA) - Aurel Penhalt, who finished third in Veltrania's presidential first round, on Saturday endorsed opposition candidate Mirela Dostanyi for the March 30 runoff, telling supporters in Lorsk that "the country needs a clean break".

Hours later the ruling National Renewal Union replaced campaign manager Viktor Ansel with Defence Minister Lena Korvath, who will keep her cabinet post. Party spokesman Emil Drask said the change was "about energy, not blame".

Prime Minister Tomas Erlund-Vaski, who trailed Dostanyi by 110,405 votes in the first round, has promised to raise the minimum monthly pension to 640 veltars from 520 veltars if elected.

A single televised debate between the two finalists is scheduled for March 24 on Veltranian Public Television. Dostanyi's campaign had asked for three debates.

A poll by the Lorsk-based Civic Pulse Institute published on Friday put Dostanyi on 52 percent and Erlund-Vaski on 48 percent, with a margin of error of 2.5 points.''')

T["03"] = ("Erlund-Vaski edges Veltrania runoff, rival demands recount", "Meridian Wire", "2025-03-31", "veltrania-runoff-preliminary-results", '''KESSMAR, March 31 (Meridian Wire) - Prime Minister Tomas Erlund-Vaski narrowly won Sunday's presidential runoff in Veltrania, taking 50.8 percent of the vote to 49.2 percent for opposition leader Mirela Dostanyi, according to preliminary results released by the Central Electoral Commission on Monday.

Erlund-Vaski received 2,391,477 votes and Dostanyi 2,318,950, with all polling stations reporting. Turnout rose to 68.1 percent from 63.4 percent in the first round.

Dostanyi refused to concede and said her Veltranian Labour Front would request a recount in 14 of the country's 52 electoral districts, citing irregularities in postal ballots. "We will not accept a result built on missing envelopes," she said outside the party's headquarters in Kessmar.

Commission chairman Dorin Halvask said final official results would be published by April 8. Under Veltranian law, the new president is due to be sworn in on April 28.

Several thousand Dostanyi supporters gathered in Kessmar's Unity Square on Monday evening. Police reported no arrests.''')

T["04"] = ("Veltrania court rejects election challenge, inauguration moved to May 2", "Continental News Service", "2025-04-11", "veltrania-court-rejects-challenge", '''KESSMAR, April 11 (CNS) - Veltrania's Constitutional Court on Friday rejected opposition leader Mirela Dostanyi's challenge to the March 30 presidential runoff, clearing the way for Tomas Erlund-Vaski to take office.

The nine-member court ruled 7-2 that irregularities in postal voting were "not of a scale capable of altering the outcome". Justice Ilona Brecht wrote the majority opinion.

The Central Electoral Commission certified the result on April 8 after recounts in 14 districts, which trimmed Erlund-Vaski's margin to 68,912 votes from the preliminary 72,527. The commission did not publish revised percentages.

The inauguration, originally due on April 28, has been moved to May 2 because of the court proceedings, a presidential office spokeswoman said.

Dostanyi said she accepted the ruling "with a heavy heart" and would lead the opposition in parliament, where her party holds 61 of 180 seats.''')

T["05"] = ("Strong quake kills at least 112 in Kaldoria's Haldmoor province", "Atlas Wire", "2025-06-14", "kaldoria-haldmoor-earthquake", '''VESKA, Kaldoria, June 14 (Atlas Wire) - A magnitude 6.8 earthquake struck Kaldoria's mountainous Haldmoor province before dawn on Saturday, killing at least 112 people and injuring about 640, Interior Minister Pavel Strunov said.

The quake hit at 03:17 local time at a depth of 12 km, with its epicentre 18 km south of the town of Veska, the National Seismology Centre said. A magnitude 5.4 aftershock struck at 09:40, sending residents who had returned home back into the streets.

Strunov said about 3,200 buildings had been damaged and warned that the toll was likely to rise as rescuers reached remote villages cut off by landslides. "Many roads simply no longer exist," he said.

The Kaldorian Relief Society said it had deployed 900 volunteers and set up 1,500 tents in Veska's football stadium.

The government declared three days of national mourning. Neighbouring Norvenna said it was sending two search-and-rescue teams with sniffer dogs.''')

T["06"] = ("Kaldoria quake toll rises to 287 as aid appeal launched", "Atlas Wire", "2025-06-17", "kaldoria-quake-toll-287", '''VESKA, Kaldoria, June 17 (Atlas Wire) - The death toll from Saturday's earthquake in Kaldoria's Haldmoor province has risen to 287, with 1,915 people injured, the Interior Ministry said on Tuesday.

Rescuers have pulled 41 people alive from collapsed buildings since the quake, including a seven-year-old girl found in Veska on Monday after 58 hours under rubble. About 14,000 people are homeless.

President Ilse Marren toured Veska on Tuesday and announced an emergency fund of 45 million kaldors. Health Minister Jorun Tesk said six field hospitals were operating in the province, two of them run by Norvennan army medics.

The World Relief Coordination Office appealed for $38 million to cover shelter, water and medical needs for three months. Its regional director, Samir Oduya, said heavy rains due in July would make the temporary camps "unliveable" without proper drainage.

Interior Minister Pavel Strunov said search operations in the worst-hit villages, including Tarsk and Obrenne, would continue until Thursday.''')

T["07"] = ("Donors pledge $212 million for Kaldoria quake recovery", "Boreal Press", "2025-06-23", "kaldoria-donor-conference-ostrin", '''OSTRIN, Norvenna, June 23 (Boreal Press) - International donors meeting in the Norvennan capital Ostrin on Monday pledged $212 million to help Kaldoria recover from the June 14 earthquake, short of the $350 million the Kaldorian government had sought.

The Northern Development Bank offered a $75 million concessional loan, the largest single commitment. Norvenna pledged $30 million in grants and the Zarethi Federation $18 million.

Kaldorian Finance Minister Aleksy Varn told the conference that rebuilding would cost an estimated $1.4 billion over five years. "This is only the first step," he said.

The latest official death toll stands at 301, with 2,040 injured. Around 16,500 people remain in temporary shelters, the Interior Ministry said.

Norvennan Foreign Minister Tove Harrand, who hosted the conference, said a follow-up meeting would be held in six months to review how the money had been spent.''')

T["08"] = ("Dravonia, Sulmerra agree 72-hour truce at Merrowgate talks", "Harbourline Dispatch", "2025-04-02", "dravonia-sulmerra-truce-merrowgate", '''MERROWGATE, Brannock Islands, April 2 (Harbourline) - Dravonia and Sulmerra agreed on Wednesday to a 72-hour humanitarian pause in their border conflict, starting at 06:00 on April 4, after two days of talks mediated by Brannock Islands Foreign Minister Oona Feld.

The Dravonian delegation was led by Deputy Foreign Minister Radek Solm and the Sulmerran side by armed forces chief of staff General Ayan Kesh. It was the first face-to-face meeting since fighting broke out along the Tarrin River in November.

Feld said the two sides had also discussed a proposal to exchange 400 prisoners each, but no date had been set.

Aid agencies estimate that more than 210,000 people have fled the border districts. The Coastal States Organisation has offered to send 120 unarmed observers to monitor the pause.

"This is a pause, not peace," Solm told reporters.''')

T["09"] = ("Dravonia-Sulmerra truce extended 30 days, prisoners swapped", "Harbourline Dispatch", "2025-04-09", "dravonia-sulmerra-truce-extended", '''MERROWGATE, April 9 (Harbourline) - Dravonia and Sulmerra have extended their humanitarian pause by 30 days after it largely held, Brannock Islands mediators said on Wednesday.

The two sides exchanged 312 Dravonian and 287 Sulmerran prisoners on Tuesday at the Kell bridge crossing, fewer than the 400 each discussed last week. The International Committee for Detainees said it had verified the identities of all those released.

The Coastal States Organisation deployed 60 unarmed observers, half the number originally offered, after Sulmerra objected to monitors on its side of the line. Their mission is led by retired Fenmark general Aksel Norby.

Mediators reported four violations during the 72-hour pause, including mortar fire near the village of Dovren on April 5 that wounded two civilians.

Formal talks on a longer-term settlement will resume in Merrowgate on April 22.''')

T["10"] = ("Dravonia and Sulmerra sign Merrowgate framework deal", "Continental News Service", "2025-05-06", "merrowgate-framework-signed", '''MERROWGATE, May 6 (CNS) - Dravonia and Sulmerra signed a framework agreement on Monday to end their six-month border conflict, committing to a permanent ceasefire and a joint commission to demarcate the Tarrin River frontier.

The deal was signed by Dravonian Foreign Minister Helga Brandis and Sulmerran Foreign Minister Idris Vantal, after Deputy Foreign Minister Radek Solm and General Ayan Kesh led two weeks of negotiations.

Under the agreement, Dravonia will pull its forces back 15 km from the river line by June 1. Sulmerra had initially demanded a 25 km withdrawal. Both sides will release all remaining detainees within 60 days.

The accord must be ratified by both parliaments. Sulmerran President Nasir Obel said he expected approval "before the summer".

The demarcation commission, chaired by a Brannock Islands official, is due to hold its first session on June 15.''')

T["11"] = ("Marvessa central bank raises key rate to 7.25% as inflation climbs", "Meridian Wire", "2025-02-06", "marvessa-rate-hike-february", '''SANDROVO, Marvessa, Feb 6 (Meridian Wire) - The Bank of Marvessa raised its key policy rate by 50 basis points to 7.25 percent on Thursday, its third increase in six months, after inflation accelerated to 9.8 percent in January from 8.9 percent in December.

The monetary policy committee voted 5-2 for the move, with two members favouring a larger 75 basis point hike, Governor Sabine Ortolan told a news conference.

"We will do what is necessary to bring inflation back to our 4 percent target," Ortolan said. The bank expects inflation to peak in the second quarter.

The Marvessan crown, which lost 11 percent against the dollar in 2024, rose 0.6 percent after the decision.

The committee's next scheduled meeting is on March 20.''')

T["12"] = ("Marvessa holds rates at 7.25%, one policymaker votes for cut", "Meridian Wire", "2025-03-20", "marvessa-holds-rates-march", '''SANDROVO, March 20 (Meridian Wire) - The Bank of Marvessa kept its key rate unchanged at 7.25 percent on Thursday as inflation eased to 9.1 percent in February, but Deputy Governor Ferran Loske broke ranks to vote for a 25 basis point cut.

The 6-1 vote was the first dissent in favour of lower rates in two years. Governor Sabine Ortolan said it was "too early to declare victory" over inflation.

The bank revised its forecast for year-end 2025 inflation to 6.5 percent from 7.0 percent, and cut its growth forecast to 1.8 percent from 2.3 percent.

The next policy meeting has been brought forward to May 8 from May 15 to avoid a clash with a regional finance ministers' meeting.''')

T["13"] = ("Ysmerian National Bank cuts rates for second time this year", "Boreal Press", "2025-03-27", "ysmeria-rate-cut-march", '''ALDHAVEN, Ysmeria, March 27 (Boreal Press) - The Ysmerian National Bank cut its benchmark rate by 25 basis points to 4.50 percent on Thursday, its second reduction this year, as inflation fell to 2.7 percent in February.

Governor Halvard Brun said the unanimous decision reflected "a clear cooling of price pressures" but warned against expecting a rapid series of cuts. The bank had lowered rates by the same amount in January.

The Ysmerian mark weakened 0.4 percent against the dollar. Economists polled by Boreal Press had been split, with 11 of 19 expecting a cut.

The bank's next decision is due on May 15.''')

T["14"] = ("Ildara top court voids Selvane Valley mining concession", "Atlas Wire", "2025-07-09", "ildara-court-selvane-concession", '''CALVERA, Ildara, July 9 (Atlas Wire) - Ildara's Supreme Court on Wednesday annulled a 2024 mining concession granted to Corran Minerals in the Selvane Valley, ruling 5-4 that the government had failed to consult the indigenous Teyo community.

The court ordered all extraction at the copper site to stop within 90 days. Chief Justice Marta Quell wrote the majority opinion; Justice Rennick Hale wrote the main dissent.

The concession, signed in March 2024 by then Mining Minister Oskar Velde, was valued at $2.3 billion over 25 years. Corran Minerals employs about 1,100 people at the site.

Teyo leader Amaru Senka said outside the court that the ruling was "a victory for every river in Ildara".

The case was brought in May 2024 by the Teyo Council with the support of the environmental group Green Watershed.''')

T["15"] = ("Corran Minerals to seek $640 million over Ildara ruling", "Meridian Wire", "2025-07-15", "corran-minerals-compensation-claim", '''CALVERA, July 15 (Meridian Wire) - Corran Minerals said on Tuesday it would take Ildara to the Regional Investment Tribunal and seek $640 million in compensation after the Supreme Court annulled its Selvane Valley copper concession.

Shares in the company fell 18 percent on the Calvera Stock Exchange, having already dropped 9 percent on the day of the ruling.

Chief executive Lorna Pask said the company had invested $410 million at the site since 2024 and had "followed every instruction given to us by the state". She said about 1,100 jobs were at risk.

Government spokesman Tobiah Renn said Ildara would comply with the court's order and halt extraction within the 90-day deadline, which expires on October 7. Mining Minister Delia Ferro said the ministry would consult the Teyo community on "any future use" of the valley.

Corran Minerals had told investors in April that the site would produce 48,000 tonnes of copper this year.''')

T["16"] = ("Tens of thousands protest fuel price hike in Corvessa capital", "Northgate Press Agency", "2025-09-03", "corvessa-fuel-protest-miradel", '''MIRADEL, Corvessa, Sept 3 (NPA) - Tens of thousands of people marched through Miradel on Wednesday against a 35 percent increase in regulated fuel prices that took effect on September 1.

Police put the crowd at 22,000, while organisers from the Corvessan Trade Confederation said 80,000 people took part. Police said 47 people were detained after clashes near the Finance Ministry, and 12 officers were injured.

Confederation leader Nadia Ferrow called a 24-hour general strike for September 10 unless the increase was withdrawn.

Prime Minister Elio Danvers defended the measure, saying fuel subsidies had cost the state 1.9 billion corvos last year. Energy Minister Ruben Vasc said the price of a litre of petrol had risen to 2.15 corvos from 1.59 corvos.

Smaller protests were reported in Telvanne and the port city of Ravessa.''')

T["17"] = ("Corvessa scales back fuel hike after week of protests; energy minister quits", "Northgate Press Agency", "2025-09-08", "corvessa-scales-back-fuel-hike", '''MIRADEL, Sept 8 (NPA) - Corvessa's government on Monday scaled back a fuel price increase that sparked a week of protests, cutting the rise to 12 percent from 35 percent, and Energy Minister Ruben Vasc resigned.

Prime Minister Elio Danvers said the petrol price would be set at 1.78 corvos a litre from Wednesday. Deputy Energy Minister Carla Menz will run the ministry temporarily.

One protester, a 23-year-old student, was killed in Telvanne on Saturday when police fired tear gas and rubber bullets at demonstrators, the Interior Ministry said. A total of 130 people have been detained since September 1.

The Corvessan Trade Confederation said it had postponed the general strike planned for September 10 but would hold a rally on September 14 "to make sure the government keeps its word".''')

T["18"] = ("Floods kill 23 in northern Tamberlin as Zorrin River bursts banks", "Global Briefs Agency", "2025-10-12", "tamberlin-zorrin-floods", '''CARROWIN, Tamberlin, Oct 12 (GBA) - Flooding in northern Tamberlin has killed at least 23 people and left 17 missing after the Zorrin River burst its banks, Emergency Minister Aldo Fenwright said on Sunday.

About 60,000 people have been displaced across the provinces of Upper Zorrin and Kelmarsh, and the army has deployed 2,500 soldiers and 40 boats to evacuate stranded villages.

The weather station in Carrowin recorded 310 mm of rain in 48 hours, more than the town usually receives in three months, the Tamberlin Meteorological Service said.

Fenwright said the river peaked at 9.4 metres in Carrowin on Saturday night, exceeding the previous record of 8.7 metres set in 1998.

Rail services between Carrowin and the capital, Dunhallow, were suspended. Forecasters expect more rain on Tuesday.''')

T["19"] = ("Tamberlin flood toll climbs to 41, damage put at 640 million talers", "Global Briefs Agency", "2025-10-16", "tamberlin-flood-toll-41", '''DUNHALLOW, Oct 16 (GBA) - The death toll from floods in northern Tamberlin has risen to 41, with nine people still missing, the Emergency Ministry said on Thursday.

The number of displaced people has grown to 85,000, and about 22,000 homes have been damaged or destroyed. Preliminary estimates put damage at 640 million talers, Finance Minister Rosalind Acker said.

The government has asked the Regional Disaster Fund for $120 million in emergency assistance and declared a state of emergency in Upper Zorrin province for 60 days.

Emergency Minister Aldo Fenwright said water levels on the Zorrin River had fallen to 7.1 metres at Carrowin but warned that a second flood wave was possible in Kelmarsh.''')

T["20"] = ("Flash floods kill eight in Olvaris", "Boreal Press", "2025-10-14", "olvaris-flash-floods", '''DUNMARROW, Olvaris, Oct 14 (Boreal Press) - Flash floods in southern Olvaris killed eight people and forced about 12,000 to leave their homes on Tuesday, civil protection officials said.

The worst damage was in Dunmarrow, where the Ashby stream overflowed after 180 mm of rain fell overnight. Two of the dead were firefighters swept away while rescuing a family, the agency said.

Civil Protection Director Yannick Orvell said the same storm system had caused the deadly flooding in neighbouring Tamberlin over the weekend.

Schools in Dunmarrow and nearby Pellaz will stay closed until Friday. Olvaris has not requested international assistance.''')

T["21"] = ("Coastal States summit agrees $4 billion climate adaptation fund", "Harbourline Dispatch", "2025-11-20", "coastal-states-summit-yarovel", '''YAROVEL, Ysmeria, Nov 20 (Harbourline) - Leaders of the 14-member Coastal States Organisation agreed on Thursday to create a climate adaptation fund worth $4 billion by 2030, scaling back a proposal by the Brannock Islands for $6 billion.

The fund will be hosted by the Northern Development Bank and prioritise sea defences and early-warning systems. Ysmerian President Clara Venn, who chaired the two-day summit, said the first $900 million would be available in 2026.

Brannock Islands Prime Minister Ewan Tully called the deal "a start, but only half a lifeboat". Tamberlin, still recovering from October's floods, will be among the first recipients.

Members also admitted Kaldoria as an observer. The organisation's chairmanship passes to Fenmark in January, and the next summit will be held in the Fenmark capital, Hollin, in November 2026.''')

T["22"] = ("Norvenna and Zarethi Federation sign trade pact cutting tariffs", "Continental News Service", "2025-08-28", "norvenna-zarethi-trade-pact", '''OSTRIN, Aug 28 (CNS) - Norvenna and the Zarethi Federation signed a trade agreement on Thursday that will eliminate tariffs on 92 percent of goods traded between them within seven years.

Bilateral trade was worth $6.3 billion last year, and officials expect it to reach $9 billion by 2030. Zarethi steel exports will face a quota of 400,000 tonnes a year, half the 800,000 tonnes Zarethi negotiators had sought.

The pact was signed by Norvennan Trade Minister Edvin Marrack and Zarethi Economy Minister Lidia Kovren in Ostrin.

It must be approved by the Norvennan parliament, which will vote on it after the September 21 general election. Farmers' groups in both countries have criticised the deal, saying it opens dairy and grain markets too quickly.''')

T["23"] = ("Norvenna's People's Party wins most seats but short of majority", "Boreal Press", "2025-09-22", "norvenna-election-results", '''OSTRIN, Sept 22 (Boreal Press) - Prime Minister Kaja Ellendt's Norvennan People's Party won 64 of the 150 seats in Sunday's parliamentary election, the largest share but short of a majority, final results showed on Monday.

The centre-right Progress and Liberty party came second with 49 seats, followed by the Green Union with 13 and the Rural League with 11. Smaller parties and independents took the remaining 13 seats. Turnout was 71.2 percent, up from 66.8 percent in 2021.

The People's Party won 31.4 percent of the vote, against 25.9 percent for Progress and Liberty, whose leader, Anton Rask, said he would not join any government led by Ellendt.

Ellendt said she would begin coalition talks with the Green Union on Wednesday.''')

T["24"] = ("Ellendt sworn in for second term leading Norvenna coalition", "Boreal Press", "2025-10-10", "norvenna-ellendt-second-term", '''OSTRIN, Oct 10 (Boreal Press) - Kaja Ellendt was sworn in for a second term as Norvenna's prime minister on Friday after parliament approved her coalition of the People's Party and the Green Union by 79 votes to 66, with support from two independent lawmakers.

Green Union leader Mads Tovik becomes deputy prime minister and climate minister. The coalition deal commits Norvenna to closing its last coal-fired power plant, at Harvik, by 2029, rather than the 2032 date previously planned.

Finance Minister Sigrid Aal keeps her post. New Foreign Minister Jonas Berre replaces Tove Harrand, who is retiring.

Ellendt said her government would put the trade agreement with the Zarethi Federation to a parliamentary vote in December.''')

T["25"] = ("Erlund-Vaski sworn in as Veltrania president, names Korvath prime minister", "Northgate Press Agency", "2025-05-02", "veltrania-erlund-vaski-sworn-in", '''KESSMAR, May 2 (NPA) - Tomas Erlund-Vaski was sworn in as Veltrania's fifth president on Friday and immediately nominated Defence Minister Lena Korvath, who ran his election campaign, as prime minister.

Parliament is expected to vote on Korvath's nomination on May 7. The National Renewal Union and its ally, the Agrarian Party, together control 97 of the 180 seats.

Korvath said her first priority would be a budget revision raising the minimum monthly pension to 640 veltars, a pledge Erlund-Vaski made during the campaign. Finance Minister Matthias Stiel, who will stay in his post, said the measure would cost about 410 million veltars a year.

Opposition leader Mirela Dostanyi did not attend the ceremony at the Assembly Palace. Her Veltranian Labour Front sent a delegation of five deputies.

Heads of state from Dravonia and Norvenna attended, as did the Brannock Islands' foreign minister, Oona Feld.

Korvath's successor at the defence ministry has not yet been named.''')

T["26"] = ("Five dead, three missing after Zarethi coal mine collapse", "Atlas Wire", "2025-01-28", "zarethi-grelsk-mine-collapse", '''GRELSK, Zarethi Federation, Jan 28 (Atlas Wire) - Five miners were killed and three remain missing after a tunnel collapsed at the Grelsk No. 4 coal mine on Monday, the Zarethi Emergencies Ministry said.

Nineteen miners were trapped at a depth of 640 metres when the roof gave way at about 14:30 local time. Rescuers brought 11 of them to the surface overnight, four of them with serious injuries.

The mine is operated by Grelsk Coal Holdings, which said ventilation equipment had been inspected in December. Emergencies Minister Dmitar Holl said the search for the missing men would continue "for as long as there is hope".

The mine employs 2,300 people and produces about 1.2 million tonnes of coal a year.''')

T["27"] = ("Zarethi mine death toll rises to eight; director detained", "Atlas Wire", "2025-02-01", "zarethi-mine-toll-eight", '''GRELSK, Feb 1 (Atlas Wire) - Rescuers recovered the bodies of the three missing miners at the Grelsk No. 4 mine on Friday, bringing the death toll from Monday's collapse to eight, the Emergencies Ministry said.

Prosecutors detained the mine's technical director, Viktor Samsel, on suspicion of breaching safety rules. A court in Grelsk ordered him held for two months.

The state mining inspectorate fined Grelsk Coal Holdings 4.2 million zarets and suspended operations at the mine for 30 days. Prosecutors had asked for a six-month suspension.

Zarethi President Ruslan Okhar declared February 2 a day of mourning in the Grelsk region.''')

T["28"] = ("Ferry capsizes off Brannock Islands, at least 22 dead", "Harbourline Dispatch", "2025-08-17", "brannock-ferry-capsizes", '''KELVATTA, Brannock Islands, Aug 17 (Harbourline) - A passenger ferry capsized in rough seas off the Brannock Islands on Sunday, killing at least 22 people, the coastguard said.

The MV Sorrel Bay was carrying 214 passengers and crew from Kelvatta to the island of Inchmore when it overturned about 6 km from port at around 07:45. Coastguard commander Fiona Rusk said 176 people had been rescued and the search for the rest would continue through the night.

Survivors said the vessel was listing heavily before it left harbour. Ferry operator Island Link Lines said the ship had passed an inspection in June.

Prime Minister Ewan Tully cut short a visit to Tamberlin and ordered an independent inquiry.''')

T["29"] = ("Fenmark ex-premier Haarlan jailed for six years for bribery", "Continental News Service", "2025-05-21", "fenmark-haarlan-sentenced", '''HOLLIN, Fenmark, May 21 (CNS) - A Hollin court on Wednesday sentenced former Fenmark prime minister Benedikt Haarlan to six years in prison for accepting bribes linked to a port expansion contract, a shorter term than the nine years prosecutors had sought.

The three-judge panel found that Haarlan, who led the government from 2016 to 2022, took 3.4 million fenn in payments from the firm Norhavn Construction. It also fined him 2.1 million fenn.

Haarlan's former chief of staff, Lise Marrow, received a suspended sentence of 18 months. A third defendant, businessman Karel Voss, was acquitted.

Haarlan, who denies wrongdoing, has 30 days to appeal. His lawyer, Edith Sand, said an appeal would be filed "well before the deadline".''')

T["30"] = ("Fenmark appeals court sets Haarlan hearing, grants bail", "Continental News Service", "2025-06-27", "fenmark-haarlan-appeal-bail", '''HOLLIN, June 27 (CNS) - Fenmark's Court of Appeal will hear former prime minister Benedikt Haarlan's appeal against his bribery conviction on October 14, it said on Friday, postponing a hearing originally set for September 9 at the defence's request.

The court released Haarlan on bail of 500,000 fenn pending the appeal and ordered him to surrender his passport. He had been held in Vellmoor prison since his sentencing last month.

Prosecutors have also appealed, seeking to increase his sentence to nine years and to overturn the acquittal of businessman Karel Voss.

Defence lawyer Edith Sand said new evidence showed the payments were "legitimate consultancy fees".''')

T["31"] = ("Dravonian parliament ratifies peace framework with Sulmerra", "Boreal Press", "2025-05-20", "dravonia-ratifies-merrowgate", '''STELGRAD, Dravonia, May 20 (Boreal Press) - Dravonia's parliament on Tuesday ratified the Merrowgate framework agreement with Sulmerra by 211 votes to 94, with 12 abstentions.

Foreign Minister Helga Brandis told lawmakers the deal would allow some 210,000 displaced people to begin returning home before winter. The nationalist Homeland Bloc voted against, calling the 15 km withdrawal "a surrender of the river".

Sulmerra's National Assembly is scheduled to vote on the agreement on June 3. Sulmerran officials have said they expect a comfortable majority.

Dravonian army spokesman Colonel Piet Varga said the pullback from the Tarrin River line had begun on May 12 and was about 40 percent complete.''')

T["32"] = ("Moderate quake kills four in western Ysmeria", "Boreal Press", "2025-06-20", "ysmeria-quake-marrowby", '''ALDHAVEN, June 20 (Boreal Press) - A magnitude 5.9 earthquake struck western Ysmeria on Friday, killing four people and injuring 37, the Interior Ministry said.

The quake, centred near the town of Marrowby at a depth of 10 km, damaged about 200 homes and a 19th-century church.

Interior Minister Piers Reinholt said the region's building codes had "passed a real test", drawing a contrast with the destruction in Kaldoria the previous week.

Ysmeria, which sent 25 rescue specialists to Kaldoria last week, offered a further 20 on Friday and said its aid would not be affected by the new quake.''')

T["33"] = ("Independent Domar wins Pellaz mayoral race", "Boreal Press", "2025-06-09", "pellaz-mayor-domar", '''PELLAZ, Olvaris, June 9 (Boreal Press) - Independent candidate Sefa Domar won Sunday's mayoral election in Pellaz, Olvaris's capital, ending 16 years of rule by the Olvaris Democratic Party, official results showed on Monday.

Domar took 52.3 percent of the vote against 47.7 percent for incumbent mayor Gregor Lunt. Turnout was 48.5 percent.

Domar, a former transport engineer, campaigned on a pledge to build a 14-kilometre tram line and cap municipal rents. She will take office on July 1.

Lunt conceded on Sunday night and congratulated his rival. In the simultaneous city council election, the Olvaris Democratic Party remained the largest group with 21 of 51 seats, while Domar's allies won 17.''')

T["34"] = ("Marvessa reaches $3.2 billion staff deal with Global Monetary Facility", "Continental News Service", "2025-04-17", "marvessa-gmf-staff-deal", '''SANDROVO, April 17 (CNS) - Marvessa has reached a staff-level agreement with the Global Monetary Facility on a 36-month loan programme worth $3.2 billion, the lender said on Thursday.

The first tranche of $410 million would be released after approval by the Facility's executive board, expected in late May. The government had initially sought $4 billion.

Finance Minister Petra Vollin said Marvessa would phase out fuel subsidies by the end of 2026 and raise value-added tax to 20 percent from 18 percent in January.

The Facility's mission chief, Hester Quayle, said the programme aimed to cut the budget deficit to 3 percent of GDP by 2027 from 6.4 percent last year.

Central bank Governor Sabine Ortolan welcomed the deal, saying it would "anchor expectations" ahead of the bank's next rate decision.''')

T["35"] = ("Brannock ferry toll rises to 31; captain arrested", "Harbourline Dispatch", "2025-08-20", "brannock-ferry-toll-31", '''KELVATTA, Aug 20 (Harbourline) - The death toll from the capsizing of the ferry MV Sorrel Bay off the Brannock Islands has risen to 31, with seven people still missing, the coastguard said on Wednesday.

Police arrested the ship's captain, Rory Pellew, on suspicion of manslaughter by gross negligence. Investigators said the ferry, licensed to carry 180 people, had 214 on board when it left Kelvatta.

Transport Minister Maeve Collery suspended the operating licence of Island Link Lines pending the independent inquiry, which will be led by retired judge Harriet Vance. The inquiry must report within six months.

Families of the victims will receive compensation of 25,000 Brannock pounds each from a state fund.''')

T["36"] = ("Donors pledge $96 million to rebuild Tarrin valley", "Harbourline Dispatch", "2025-06-10", "tarrin-valley-donors", '''MERROWGATE, June 10 (Harbourline) - Donors meeting in Merrowgate on Tuesday pledged $96 million to rebuild war-damaged towns in the Tarrin valley on both sides of the Dravonia-Sulmerra border, against a United Recovery Plan estimate of $260 million.

The Brannock Islands, which hosted the meeting, pledged $12 million. The Coastal States Organisation committed $40 million, split equally between the two countries.

Sulmerra's National Assembly ratified the Merrowgate framework agreement on June 3, completing ratification on both sides. The vote tally was not immediately published.

The Office for Displaced Persons said about 38,000 of the 210,000 people who fled the fighting had returned since Dravonia completed its withdrawal on May 30.

Foreign Minister Oona Feld said rebuilding the Kell bridge, destroyed in January, would be the first project.''')

T["37"] = ("Kaldoria parliament approves quake reconstruction budget", "Atlas Wire", "2025-07-03", "kaldoria-reconstruction-budget", '''BRENNHOLT, Kaldoria, July 3 (Atlas Wire) - Kaldoria's parliament on Thursday approved a supplementary budget of 2.8 billion kaldors for reconstruction after last month's earthquake in Haldmoor province, trimming the government's original request of 3.5 billion kaldors.

The bill passed by 144 votes to 31 in the 200-seat chamber. Finance Minister Aleksy Varn said the gap would be covered by the Northern Development Bank loan agreed in Ostrin.

Opposition Freedom Party lawmakers criticised the allocation of 600 million kaldors to rebuilding the provincial capital Veska, saying smaller villages had been neglected.

The Interior Ministry put the final death toll at 309. It said 4,100 homes must be fully rebuilt and a further 9,800 repaired.

The first reconstruction contracts are due to be awarded by September 15.''')

T["38"] = ("Veltrania and Dravonia sign $1.9 billion gas pipeline deal", "Meridian Wire", "2025-06-26", "veltrania-dravonia-pipeline", '''KESSMAR, June 26 (Meridian Wire) - Veltrania and Dravonia signed an agreement on Thursday to build a 540 km gas pipeline linking Dravonia's offshore Selka field to Veltrania's industrial north, at an estimated cost of $1.9 billion.

Veltranian Prime Minister Lena Korvath and Dravonian Energy Minister Kasimir Oddvar signed the deal in Kessmar in the presence of President Tomas Erlund-Vaski.

The pipeline is designed to carry 6 billion cubic metres of gas a year, and first deliveries are planned for 2028. Construction would begin in the second half of 2026, Oddvar said.

The Northern Development Bank is expected to finance about a third of the cost. Veltrania currently imports 70 percent of its gas.''')

T["39"] = ("Regional fund approves $85 million for Tamberlin flood relief", "Global Briefs Agency", "2025-10-24", "tamberlin-regional-fund-85m", '''DUNHALLOW, Oct 24 (GBA) - The Regional Disaster Fund on Friday approved $85 million in emergency assistance for Tamberlin, less than the $120 million the government requested after this month's floods.

The fund's board said $60 million would be released immediately as grants and the remaining $25 million as a low-interest loan in January.

Finance Minister Rosalind Acker said the government would cover the shortfall from its own reserves and had revised the damage estimate to 710 million talers.

The Emergency Ministry said the death toll stood at 44. Most of the 85,000 people displaced had returned home, though 6,400 remained in shelters.''')

T["40"] = ("Corvessa central bank lifts rate to 11% after fuel-driven price jump", "Meridian Wire", "2025-09-25", "corvessa-central-bank-11-percent", '''MIRADEL, Sept 25 (Meridian Wire) - The Central Bank of Corvessa raised its main interest rate by 100 basis points to 11 percent on Thursday after inflation jumped to 14.2 percent in August from 12.6 percent in July.

Governor Lucien Abara said the fuel price increase that took effect this month, though reduced to 12 percent after protests, would add about 1.5 percentage points to inflation by December.

Analysts had expected a smaller, 50 basis point move. The corvo strengthened 1.1 percent against the dollar.

The bank said its board decision was unanimous. It next meets on November 6.''')

os.makedirs("texts", exist_ok=True)
for nn, (title, source, date, slug, body) in sorted(T.items()):
    with open(f"texts/n33_{nn}.txt", "w") as f:
        f.write(f"---\ntitle: {title}\nsource: {source}\ndate: {date}\nurl: https://example.org/{slug}\n---\n{body}\n")
    print(nn, len(body.split()))
print(len(T))
