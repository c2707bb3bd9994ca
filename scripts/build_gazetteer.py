#!/usr/bin/env python
"""Generate pipeline/data/countries.csv and pipeline/data/gazetteer.csv.

The data below is written by hand (coordinates approximate to ~2 decimals:
country centroids, capitals, major cities, a few news venues, seas and regions);
French and English country names come from the Unicode CLDR through Babel when it
is importable (it is in the project venv, via Airflow/courlan) and are then
completed with the hand-written variants.  Re-run after editing:

    .venv/bin/python scripts/build_gazetteer.py

The CSVs are committed; nothing at run time needs Babel.
Kosovo has no ISO 3166-1 code; the user-assigned XKX (EU, IMF, SWIFT usage) is used.
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "pipeline" / "data"

# iso3;centroid_lat;centroid_lon;capital_en;capital_fr;cap_lat;cap_lon;demonym_fr(masc sg);demonym_en
COUNTRY_TABLE = """
ABW;12.52;-69.97;Oranjestad;Oranjestad;12.52;-70.03;arubais;Aruban
AFG;33.94;67.71;Kabul;Kaboul;34.53;69.17;afghan;Afghan
AGO;-11.20;17.87;Luanda;Luanda;-8.84;13.23;angolais;Angolan
AIA;18.22;-63.07;The Valley;The Valley;18.22;-63.05;anguillais;Anguillan
ALA;60.18;19.92;Mariehamn;Mariehamn;60.10;19.94;ålandais;Ålander
ALB;41.15;20.17;Tirana;Tirana;41.33;19.82;albanais;Albanian
AND;42.55;1.60;Andorra la Vella;Andorre-la-Vieille;42.51;1.52;andorran;Andorran
ARE;23.42;53.85;Abu Dhabi;Abou Dabi;24.45;54.38;émirien;Emirati
ARG;-38.42;-63.62;Buenos Aires;Buenos Aires;-34.60;-58.38;argentin;Argentine
ARM;40.07;45.04;Yerevan;Erevan;40.18;44.51;arménien;Armenian
ASM;-14.27;-170.13;Pago Pago;Pago Pago;-14.28;-170.70;samoan-américain;American Samoan
ATA;-75.25;-0.07;;;;;antarctique;Antarctic
ATF;-49.28;69.35;Port-aux-Français;Port-aux-Français;-49.35;70.22;;
ATG;17.06;-61.80;Saint John's;Saint John's;17.12;-61.85;antiguais;Antiguan
AUS;-25.27;133.78;Canberra;Canberra;-35.28;149.13;australien;Australian
AUT;47.52;14.55;Vienna;Vienne;48.21;16.37;autrichien;Austrian
AZE;40.14;47.58;Baku;Bakou;40.41;49.87;azerbaïdjanais;Azerbaijani
BDI;-3.37;29.92;Gitega;Gitega;-3.43;29.93;burundais;Burundian
BEL;50.50;4.47;Brussels;Bruxelles;50.85;4.35;belge;Belgian
BEN;9.31;2.32;Porto-Novo;Porto-Novo;6.50;2.60;béninois;Beninese
BES;12.18;-68.24;Kralendijk;Kralendijk;12.15;-68.27;;
BFA;12.24;-1.56;Ouagadougou;Ouagadougou;12.37;-1.52;burkinabè;Burkinabe
BGD;23.68;90.36;Dhaka;Dacca;23.81;90.41;bangladais;Bangladeshi
BGR;42.73;25.49;Sofia;Sofia;42.70;23.32;bulgare;Bulgarian
BHR;26.07;50.56;Manama;Manama;26.23;50.59;bahreïni;Bahraini
BHS;25.03;-77.40;Nassau;Nassau;25.05;-77.35;bahaméen;Bahamian
BIH;43.92;17.68;Sarajevo;Sarajevo;43.86;18.41;bosnien;Bosnian
BLM;17.90;-62.83;Gustavia;Gustavia;17.90;-62.85;barthélemois;
BLR;53.71;27.95;Minsk;Minsk;53.90;27.57;biélorusse;Belarusian
BLZ;17.19;-88.50;Belmopan;Belmopan;17.25;-88.77;bélizien;Belizean
BMU;32.32;-64.76;Hamilton;Hamilton;32.29;-64.78;bermudien;Bermudian
BOL;-16.29;-63.59;La Paz;La Paz;-16.50;-68.15;bolivien;Bolivian
BRA;-14.24;-51.93;Brasília;Brasilia;-15.79;-47.88;brésilien;Brazilian
BRB;13.19;-59.54;Bridgetown;Bridgetown;13.10;-59.62;barbadien;Barbadian
BRN;4.54;114.73;Bandar Seri Begawan;Bandar Seri Begawan;4.90;114.94;brunéien;Bruneian
BTN;27.51;90.43;Thimphu;Thimphou;27.47;89.64;bhoutanais;Bhutanese
BVT;-54.42;3.41;;;;;;
BWA;-22.33;24.68;Gaborone;Gaborone;-24.63;25.92;botswanais;Botswanan
CAF;6.61;20.94;Bangui;Bangui;4.39;18.56;centrafricain;Central African
CAN;56.13;-106.35;Ottawa;Ottawa;45.42;-75.70;canadien;Canadian
CCK;-12.16;96.87;West Island;West Island;-12.19;96.83;;
CHE;46.82;8.23;Bern;Berne;46.95;7.45;suisse;Swiss
CHL;-35.68;-71.54;Santiago;Santiago;-33.45;-70.67;chilien;Chilean
CHN;35.86;104.20;Beijing;Pékin;39.90;116.41;chinois;Chinese
CIV;7.54;-5.55;Yamoussoukro;Yamoussoukro;6.83;-5.29;ivoirien;Ivorian
CMR;7.37;12.35;Yaoundé;Yaoundé;3.85;11.50;camerounais;Cameroonian
COD;-4.04;21.76;Kinshasa;Kinshasa;-4.44;15.27;congolais;Congolese
COG;-0.23;15.83;Brazzaville;Brazzaville;-4.27;15.28;congolais;Congolese
COK;-21.24;-159.78;Avarua;Avarua;-21.21;-159.78;cookien;Cook Islander
COL;4.57;-74.30;Bogotá;Bogota;4.71;-74.07;colombien;Colombian
COM;-11.88;43.87;Moroni;Moroni;-11.70;43.26;comorien;Comorian
CPV;16.00;-24.01;Praia;Praia;14.93;-23.51;cap-verdien;Cape Verdean
CRI;9.75;-83.75;San José;San José;9.93;-84.08;costaricien;Costa Rican
CUB;21.52;-77.78;Havana;La Havane;23.11;-82.37;cubain;Cuban
CUW;12.17;-68.99;Willemstad;Willemstad;12.11;-68.93;curacien;Curaçaoan
CXR;-10.45;105.69;Flying Fish Cove;Flying Fish Cove;-10.42;105.68;;
CYM;19.31;-81.25;George Town;George Town;19.29;-81.37;caïmanien;Caymanian
CYP;35.13;33.43;Nicosia;Nicosie;35.19;33.38;chypriote;Cypriot
CZE;49.82;15.47;Prague;Prague;50.08;14.44;tchèque;Czech
DEU;51.17;10.45;Berlin;Berlin;52.52;13.40;allemand;German
DJI;11.83;42.59;Djibouti;Djibouti;11.59;43.15;djiboutien;Djiboutian
DMA;15.41;-61.37;Roseau;Roseau;15.30;-61.39;dominiquais;Dominican
DNK;56.26;9.50;Copenhagen;Copenhague;55.68;12.57;danois;Danish
DOM;18.74;-70.16;Santo Domingo;Saint-Domingue;18.49;-69.93;dominicain;Dominican
DZA;28.03;1.66;Algiers;Alger;36.75;3.06;algérien;Algerian
ECU;-1.83;-78.18;Quito;Quito;-0.18;-78.47;équatorien;Ecuadorian
EGY;26.82;30.80;Cairo;Le Caire;30.04;31.24;égyptien;Egyptian
ERI;15.18;39.78;Asmara;Asmara;15.32;38.93;érythréen;Eritrean
ESH;24.22;-12.89;Laayoune;Laâyoune;27.15;-13.20;sahraoui;Sahrawi
ESP;40.46;-3.75;Madrid;Madrid;40.42;-3.70;espagnol;Spanish
EST;58.60;25.01;Tallinn;Tallinn;59.44;24.75;estonien;Estonian
ETH;9.15;40.49;Addis Ababa;Addis-Abeba;9.03;38.74;éthiopien;Ethiopian
FIN;61.92;25.75;Helsinki;Helsinki;60.17;24.94;finlandais;Finnish
FJI;-17.71;178.07;Suva;Suva;-18.14;178.44;fidjien;Fijian
FLK;-51.80;-59.52;Stanley;Stanley;-51.70;-57.85;malouin;Falkland Islander
FRA;46.23;2.21;Paris;Paris;48.86;2.35;français;French
FRO;61.89;-6.91;Tórshavn;Tórshavn;62.01;-6.77;féroïen;Faroese
FSM;7.43;150.55;Palikir;Palikir;6.92;158.16;micronésien;Micronesian
GAB;-0.80;11.61;Libreville;Libreville;0.42;9.47;gabonais;Gabonese
GBR;55.38;-3.44;London;Londres;51.51;-0.13;britannique;British
GEO;42.32;43.36;Tbilisi;Tbilissi;41.72;44.79;géorgien;Georgian
GGY;49.47;-2.59;Saint Peter Port;Saint-Pierre-Port;49.46;-2.54;guernesiais;
GHA;7.95;-1.02;Accra;Accra;5.60;-0.19;ghanéen;Ghanaian
GIB;36.14;-5.35;Gibraltar;Gibraltar;36.14;-5.35;gibraltarien;Gibraltarian
GIN;9.95;-9.70;Conakry;Conakry;9.64;-13.58;guinéen;Guinean
GLP;16.27;-61.55;Basse-Terre;Basse-Terre;16.00;-61.73;guadeloupéen;Guadeloupean
GMB;13.44;-15.31;Banjul;Banjul;13.45;-16.58;gambien;Gambian
GNB;11.80;-15.18;Bissau;Bissau;11.86;-15.60;bissau-guinéen;Bissau-Guinean
GNQ;1.65;10.27;Malabo;Malabo;3.75;8.78;équato-guinéen;Equatoguinean
GRC;39.07;21.82;Athens;Athènes;37.98;23.73;grec;Greek
GRD;12.26;-61.60;Saint George's;Saint-Georges;12.06;-61.75;grenadien;Grenadian
GRL;71.71;-42.60;Nuuk;Nuuk;64.18;-51.72;groenlandais;Greenlandic
GTM;15.78;-90.23;Guatemala City;Guatemala;14.63;-90.51;guatémaltèque;Guatemalan
GUF;3.93;-53.13;Cayenne;Cayenne;4.92;-52.31;guyanais;French Guianese
GUM;13.44;144.79;Hagåtña;Hagåtña;13.48;144.75;guamien;Guamanian
GUY;4.86;-58.93;Georgetown;Georgetown;6.80;-58.16;guyanien;Guyanese
HKG;22.32;114.17;Hong Kong;Hong Kong;22.32;114.17;hongkongais;Hongkonger
HMD;-53.08;73.50;;;;;;
HND;15.20;-86.24;Tegucigalpa;Tegucigalpa;14.07;-87.19;hondurien;Honduran
HRV;45.10;15.20;Zagreb;Zagreb;45.81;15.98;croate;Croatian
HTI;18.97;-72.29;Port-au-Prince;Port-au-Prince;18.59;-72.31;haïtien;Haitian
HUN;47.16;19.50;Budapest;Budapest;47.50;19.04;hongrois;Hungarian
IDN;-0.79;113.92;Jakarta;Jakarta;-6.21;106.85;indonésien;Indonesian
IMN;54.24;-4.55;Douglas;Douglas;54.15;-4.48;mannois;Manx
IND;20.59;78.96;New Delhi;New Delhi;28.61;77.21;indien;Indian
IOT;-6.34;71.88;Diego Garcia;Diego Garcia;-7.31;72.41;;
IRL;53.41;-8.24;Dublin;Dublin;53.35;-6.26;irlandais;Irish
IRN;32.43;53.69;Tehran;Téhéran;35.69;51.39;iranien;Iranian
IRQ;33.22;43.68;Baghdad;Bagdad;33.32;44.36;irakien;Iraqi
ISL;64.96;-19.02;Reykjavik;Reykjavik;64.15;-21.94;islandais;Icelandic
ISR;31.05;34.85;Jerusalem;Jérusalem;31.77;35.21;israélien;Israeli
ITA;41.87;12.57;Rome;Rome;41.90;12.50;italien;Italian
JAM;18.11;-77.30;Kingston;Kingston;17.97;-76.79;jamaïcain;Jamaican
JEY;49.21;-2.13;Saint Helier;Saint-Hélier;49.19;-2.11;jersiais;
JOR;30.59;36.24;Amman;Amman;31.95;35.93;jordanien;Jordanian
JPN;36.20;138.25;Tokyo;Tokyo;35.68;139.69;japonais;Japanese
KAZ;48.02;66.92;Astana;Astana;51.17;71.45;kazakh;Kazakh
KEN;-0.02;37.91;Nairobi;Nairobi;-1.29;36.82;kényan;Kenyan
KGZ;41.20;74.77;Bishkek;Bichkek;42.87;74.59;kirghiz;Kyrgyz
KHM;12.57;104.99;Phnom Penh;Phnom Penh;11.56;104.92;cambodgien;Cambodian
KIR;1.87;-157.36;South Tarawa;Tarawa-Sud;1.33;172.98;kiribatien;I-Kiribati
KNA;17.36;-62.78;Basseterre;Basseterre;17.30;-62.72;kittitien;Kittitian
KOR;35.91;127.77;Seoul;Séoul;37.57;126.98;sud-coréen;South Korean
KWT;29.31;47.48;Kuwait City;Koweït;29.38;47.99;koweïtien;Kuwaiti
LAO;19.86;102.50;Vientiane;Vientiane;17.98;102.63;laotien;Laotian
LBN;33.85;35.86;Beirut;Beyrouth;33.89;35.50;libanais;Lebanese
LBR;6.43;-9.43;Monrovia;Monrovia;6.29;-10.76;libérien;Liberian
LBY;26.34;17.23;Tripoli;Tripoli;32.89;13.19;libyen;Libyan
LCA;13.91;-60.98;Castries;Castries;14.01;-60.99;saint-lucien;Saint Lucian
LIE;47.17;9.56;Vaduz;Vaduz;47.14;9.52;liechtensteinois;Liechtensteiner
LKA;7.87;80.77;Sri Jayawardenepura Kotte;Sri Jayawardenepura Kotte;6.89;79.90;sri-lankais;Sri Lankan
LSO;-29.61;28.23;Maseru;Maseru;-29.31;27.48;lésothien;Basotho
LTU;55.17;23.88;Vilnius;Vilnius;54.69;25.28;lituanien;Lithuanian
LUX;49.82;6.13;Luxembourg;Luxembourg;49.61;6.13;luxembourgeois;Luxembourger
LVA;56.88;24.60;Riga;Riga;56.95;24.11;letton;Latvian
MAC;22.20;113.54;Macau;Macao;22.20;113.54;macanais;Macanese
MAF;18.08;-63.05;Marigot;Marigot;18.07;-63.08;saint-martinois;
MAR;31.79;-7.09;Rabat;Rabat;34.02;-6.84;marocain;Moroccan
MCO;43.74;7.42;Monaco;Monaco;43.74;7.42;monégasque;Monegasque
MDA;47.41;28.37;Chișinău;Chișinău;47.01;28.86;moldave;Moldovan
MDG;-18.77;46.87;Antananarivo;Antananarivo;-18.88;47.51;malgache;Malagasy
MDV;3.20;73.22;Malé;Malé;4.18;73.51;maldivien;Maldivian
MEX;23.63;-102.55;Mexico City;Mexico;19.43;-99.13;mexicain;Mexican
MHL;7.13;171.18;Majuro;Majuro;7.09;171.38;marshallais;Marshallese
MKD;41.61;21.75;Skopje;Skopje;42.00;21.43;macédonien;Macedonian
MLI;17.57;-4.00;Bamako;Bamako;12.64;-8.00;malien;Malian
MLT;35.94;14.38;Valletta;La Valette;35.90;14.51;maltais;Maltese
MMR;21.91;95.96;Naypyidaw;Naypyidaw;19.76;96.08;birman;Burmese
MNE;42.71;19.37;Podgorica;Podgorica;42.44;19.26;monténégrin;Montenegrin
MNG;46.86;103.85;Ulaanbaatar;Oulan-Bator;47.89;106.91;mongol;Mongolian
MNP;15.10;145.67;Saipan;Saipan;15.18;145.75;mariannais;Northern Mariana Islander
MOZ;-18.67;35.53;Maputo;Maputo;-25.97;32.57;mozambicain;Mozambican
MRT;21.01;-10.94;Nouakchott;Nouakchott;18.09;-15.98;mauritanien;Mauritanian
MSR;16.74;-62.19;Brades;Brades;16.79;-62.21;montserratien;Montserratian
MTQ;14.64;-61.02;Fort-de-France;Fort-de-France;14.62;-61.06;martiniquais;Martinican
MUS;-20.35;57.55;Port Louis;Port-Louis;-20.16;57.50;mauricien;Mauritian
MWI;-13.25;34.30;Lilongwe;Lilongwe;-13.96;33.79;malawite;Malawian
MYS;4.21;101.98;Kuala Lumpur;Kuala Lumpur;3.14;101.69;malaisien;Malaysian
MYT;-12.83;45.17;Mamoudzou;Mamoudzou;-12.78;45.23;mahorais;Mahoran
NAM;-22.96;18.49;Windhoek;Windhoek;-22.56;17.08;namibien;Namibian
NCL;-20.90;165.62;Nouméa;Nouméa;-22.28;166.46;néo-calédonien;New Caledonian
NER;17.61;8.08;Niamey;Niamey;13.51;2.13;nigérien;Nigerien
NFK;-29.04;167.95;Kingston;Kingston;-29.06;167.96;;
NGA;9.08;8.68;Abuja;Abuja;9.08;7.40;nigérian;Nigerian
NIC;12.87;-85.21;Managua;Managua;12.11;-86.24;nicaraguayen;Nicaraguan
NIU;-19.05;-169.87;Alofi;Alofi;-19.06;-169.92;niuéen;Niuean
NLD;52.13;5.29;Amsterdam;Amsterdam;52.37;4.90;néerlandais;Dutch
NOR;60.47;8.47;Oslo;Oslo;59.91;10.75;norvégien;Norwegian
NPL;28.39;84.12;Kathmandu;Katmandou;27.72;85.32;népalais;Nepali
NRU;-0.52;166.93;Yaren;Yaren;-0.55;166.92;nauruan;Nauruan
NZL;-40.90;174.89;Wellington;Wellington;-41.29;174.78;néo-zélandais;New Zealander
OMN;21.51;55.92;Muscat;Mascate;23.59;58.41;omanais;Omani
PAK;30.38;69.35;Islamabad;Islamabad;33.68;73.05;pakistanais;Pakistani
PAN;8.54;-80.78;Panama City;Panama;8.98;-79.52;panaméen;Panamanian
PCN;-24.70;-127.44;Adamstown;Adamstown;-25.07;-130.10;pitcairnais;Pitcairn Islander
PER;-9.19;-75.02;Lima;Lima;-12.05;-77.04;péruvien;Peruvian
PHL;12.88;121.77;Manila;Manille;14.60;120.98;philippin;Filipino
PLW;7.51;134.58;Ngerulmud;Ngerulmud;7.50;134.62;palaosien;Palauan
PNG;-6.31;143.96;Port Moresby;Port Moresby;-9.44;147.18;papouan-néo-guinéen;Papua New Guinean
POL;51.92;19.15;Warsaw;Varsovie;52.23;21.01;polonais;Polish
PRI;18.22;-66.59;San Juan;San Juan;18.47;-66.11;portoricain;Puerto Rican
PRK;40.34;127.51;Pyongyang;Pyongyang;39.04;125.76;nord-coréen;North Korean
PRT;39.40;-8.22;Lisbon;Lisbonne;38.72;-9.14;portugais;Portuguese
PRY;-23.44;-58.44;Asunción;Asuncion;-25.26;-57.58;paraguayen;Paraguayan
PSE;31.95;35.23;Ramallah;Ramallah;31.90;35.20;palestinien;Palestinian
PYF;-17.68;-149.41;Papeete;Papeete;-17.54;-149.57;polynésien;French Polynesian
QAT;25.35;51.18;Doha;Doha;25.29;51.53;qatari;Qatari
REU;-21.12;55.54;Saint-Denis;Saint-Denis;-20.88;55.45;réunionnais;Réunionese
ROU;45.94;24.97;Bucharest;Bucarest;44.43;26.10;roumain;Romanian
RUS;61.52;105.32;Moscow;Moscou;55.76;37.62;russe;Russian
RWA;-1.94;29.87;Kigali;Kigali;-1.95;30.06;rwandais;Rwandan
SAU;23.89;45.08;Riyadh;Riyad;24.71;46.68;saoudien;Saudi
SDN;12.86;30.22;Khartoum;Khartoum;15.50;32.56;soudanais;Sudanese
SEN;14.50;-14.45;Dakar;Dakar;14.72;-17.47;sénégalais;Senegalese
SGP;1.35;103.82;Singapore;Singapour;1.29;103.85;singapourien;Singaporean
SGS;-54.43;-36.59;King Edward Point;King Edward Point;-54.28;-36.49;;
SHN;-15.97;-5.71;Jamestown;Jamestown;-15.93;-5.72;hélénien;Saint Helenian
SJM;77.55;23.67;Longyearbyen;Longyearbyen;78.22;15.65;;
SLB;-9.65;160.16;Honiara;Honiara;-9.43;159.96;salomonais;Solomon Islander
SLE;8.46;-11.78;Freetown;Freetown;8.48;-13.23;sierra-léonais;Sierra Leonean
SLV;13.79;-88.90;San Salvador;San Salvador;13.69;-89.22;salvadorien;Salvadoran
SMR;43.94;12.46;San Marino;Saint-Marin;43.94;12.45;saint-marinais;Sammarinese
SOM;5.15;46.20;Mogadishu;Mogadiscio;2.05;45.32;somalien;Somali
SPM;46.94;-56.27;Saint-Pierre;Saint-Pierre;46.78;-56.18;saint-pierrais;
SRB;44.02;21.01;Belgrade;Belgrade;44.79;20.45;serbe;Serbian
SSD;6.88;31.31;Juba;Djouba;4.85;31.58;sud-soudanais;South Sudanese
STP;0.19;6.61;São Tomé;Sao Tomé;0.34;6.73;santoméen;Santomean
SUR;3.92;-56.03;Paramaribo;Paramaribo;5.85;-55.20;surinamais;Surinamese
SVK;48.67;19.70;Bratislava;Bratislava;48.15;17.11;slovaque;Slovak
SVN;46.15;14.99;Ljubljana;Ljubljana;46.06;14.51;slovène;Slovenian
SWE;60.13;18.64;Stockholm;Stockholm;59.33;18.07;suédois;Swedish
SWZ;-26.52;31.47;Mbabane;Mbabane;-26.31;31.14;swazi;Swazi
SXM;18.04;-63.07;Philipsburg;Philipsburg;18.03;-63.05;;
SYC;-4.68;55.49;Victoria;Victoria;-4.62;55.45;seychellois;Seychellois
SYR;34.80;38.99;Damascus;Damas;33.51;36.29;syrien;Syrian
TCA;21.69;-71.80;Cockburn Town;Cockburn Town;21.46;-71.14;turquien;Turks and Caicos Islander
TCD;15.45;18.73;N'Djamena;N'Djaména;12.13;15.06;tchadien;Chadian
TGO;8.62;0.82;Lomé;Lomé;6.13;1.22;togolais;Togolese
THA;15.87;100.99;Bangkok;Bangkok;13.76;100.50;thaïlandais;Thai
TJK;38.86;71.28;Dushanbe;Douchanbé;38.56;68.77;tadjik;Tajik
TKL;-8.97;-171.86;Fakaofo;Fakaofo;-9.38;-171.22;tokélaouan;Tokelauan
TKM;38.97;59.56;Ashgabat;Achgabat;37.96;58.33;turkmène;Turkmen
TLS;-8.87;125.73;Dili;Dili;-8.56;125.57;est-timorais;Timorese
TON;-21.18;-175.20;Nuku'alofa;Nukuʻalofa;-21.14;-175.20;tongien;Tongan
TTO;10.69;-61.22;Port of Spain;Port-d'Espagne;10.65;-61.50;trinidadien;Trinidadian
TUN;33.89;9.54;Tunis;Tunis;36.81;10.18;tunisien;Tunisian
TUR;38.96;35.24;Ankara;Ankara;39.93;32.86;turc;Turkish
TUV;-7.11;177.65;Funafuti;Funafuti;-8.52;179.20;tuvaluan;Tuvaluan
TWN;23.70;120.96;Taipei;Taipei;25.03;121.57;taïwanais;Taiwanese
TZA;-6.37;34.89;Dodoma;Dodoma;-6.16;35.75;tanzanien;Tanzanian
UGA;1.37;32.29;Kampala;Kampala;0.35;32.58;ougandais;Ugandan
UKR;48.38;31.17;Kyiv;Kiev;50.45;30.52;ukrainien;Ukrainian
UMI;19.28;166.65;;;;;;
URY;-32.52;-55.77;Montevideo;Montevideo;-34.90;-56.16;uruguayen;Uruguayan
USA;37.09;-95.71;Washington;Washington;38.90;-77.04;américain;American
UZB;41.38;64.59;Tashkent;Tachkent;41.30;69.24;ouzbek;Uzbek
VAT;41.90;12.45;Vatican City;Cité du Vatican;41.90;12.45;vatican;Vatican
VCT;12.98;-61.29;Kingstown;Kingstown;13.16;-61.22;vincentais;Vincentian
VEN;6.42;-66.59;Caracas;Caracas;10.48;-66.90;vénézuélien;Venezuelan
VGB;18.42;-64.64;Road Town;Road Town;18.43;-64.62;;British Virgin Islander
VIR;18.34;-64.90;Charlotte Amalie;Charlotte-Amalie;18.34;-64.93;;U.S. Virgin Islander
VNM;14.06;108.28;Hanoi;Hanoï;21.03;105.85;vietnamien;Vietnamese
VUT;-15.38;166.96;Port Vila;Port-Vila;-17.73;168.32;vanuatais;Ni-Vanuatu
WLF;-13.77;-177.16;Mata-Utu;Mata-Utu;-13.28;-176.17;wallisien;Wallisian
WSM;-13.76;-172.10;Apia;Apia;-13.83;-171.76;samoan;Samoan
XKX;42.60;20.90;Pristina;Pristina;42.66;21.17;kosovar;Kosovar
YEM;15.55;48.52;Sanaa;Sanaa;15.37;44.19;yéménite;Yemeni
ZAF;-30.56;22.94;Pretoria;Pretoria;-25.75;28.19;sud-africain;South African
ZMB;-13.13;27.85;Lusaka;Lusaka;-15.39;28.32;zambien;Zambian
ZWE;-19.02;29.15;Harare;Harare;-17.83;31.05;zimbabwéen;Zimbabwean
"""

# Extra country names (French and English, official and common short forms).
# Acronyms are matched case-sensitively by pipeline.extract.places.
EXTRA_NAMES: dict[str, list[str]] = {
    "USA": ["États-Unis", "Etats-Unis", "États-Unis d'Amérique", "Etats-Unis d'Amérique", "USA", "U.S.A.",
            "United States", "United States of America", "U.S.", "US", "E.-U."],
    "GBR": ["Royaume-Uni", "Grande-Bretagne", "United Kingdom", "Great Britain", "Britain", "UK", "U.K.",
            "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord"],
    "RUS": ["Russie", "Fédération de Russie", "Russia", "Russian Federation"],
    "CHN": ["Chine", "République populaire de Chine", "RPC", "China", "People's Republic of China", "PRC", "Chine continentale"],
    "TWN": ["Taïwan", "Taiwan", "Formose", "République de Chine", "Republic of China"],
    "KOR": ["Corée du Sud", "République de Corée", "South Korea", "Republic of Korea"],
    "PRK": ["Corée du Nord", "République populaire démocratique de Corée", "RPDC", "North Korea", "DPRK"],
    "COD": ["République démocratique du Congo", "RDC", "RD Congo", "Congo-Kinshasa", "Democratic Republic of the Congo",
            "Democratic Republic of Congo", "DR Congo", "DRC"],
    "COG": ["Congo", "République du Congo", "Congo-Brazzaville", "Republic of the Congo"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "MMR": ["Birmanie", "Myanmar", "Burma"],
    "CZE": ["Tchéquie", "République tchèque", "Czech Republic", "Czechia"],
    "NLD": ["Pays-Bas", "Hollande", "Netherlands", "Holland", "the Netherlands"],
    "ARE": ["Émirats arabes unis", "Emirats arabes unis", "EAU", "United Arab Emirates", "UAE", "Émirats", "Emirates"],
    "SAU": ["Arabie saoudite", "Saudi Arabia"],
    "TUR": ["Turquie", "Turkey", "Türkiye", "Turkiye"],
    "PSE": ["Palestine", "Territoires palestiniens", "État de Palestine", "Palestinian Territories", "State of Palestine"],
    "VAT": ["Vatican", "Saint-Siège", "Saint Siège", "Holy See", "Vatican City", "Cité du Vatican"],
    "MKD": ["Macédoine du Nord", "North Macedonia", "Macédoine", "Macedonia"],
    "SWZ": ["Eswatini", "Swaziland"],
    "CPV": ["Cap-Vert", "Cabo Verde", "Cape Verde"],
    "TLS": ["Timor oriental", "Timor-Leste", "East Timor"],
    "FSM": ["Micronésie", "Micronesia", "États fédérés de Micronésie", "Federated States of Micronesia"],
    "BIH": ["Bosnie-Herzégovine", "Bosnie", "Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia"],
    "TTO": ["Trinité-et-Tobago", "Trinidad and Tobago", "Trinidad"],
    "BLR": ["Biélorussie", "Bélarus", "Belarus", "Byelorussia"],
    "MDA": ["Moldavie", "Moldova", "République de Moldavie"],
    "KGZ": ["Kirghizistan", "Kyrgyzstan", "Kirghizstan"],
    "LAO": ["Laos", "Lao"],
    "VNM": ["Viêt Nam", "Vietnam", "Viet Nam"],
    "IRN": ["Iran", "République islamique d'Iran", "Islamic Republic of Iran", "Perse"],
    "SYR": ["Syrie", "Syria", "République arabe syrienne"],
    "LBY": ["Libye", "Libya"],
    "VEN": ["Venezuela", "République bolivarienne du Venezuela", "Bolivarian Republic of Venezuela"],
    "BOL": ["Bolivie", "Bolivia", "État plurinational de Bolivie"],
    "COL": ["Colombie", "Colombia", "République de Colombie", "Republic of Colombia"],
    "MEX": ["Mexique", "Mexico", "États-Unis mexicains", "United Mexican States"],
    "DOM": ["République dominicaine", "Dominican Republic", "Rep. dominicaine"],
    "DMA": ["Dominique", "Dominica"],
    "CAF": ["Centrafrique", "République centrafricaine", "Central African Republic", "RCA"],
    "GNQ": ["Guinée équatoriale", "Equatorial Guinea"],
    "GNB": ["Guinée-Bissau", "Guinea-Bissau"],
    "PNG": ["Papouasie-Nouvelle-Guinée", "Papua New Guinea"],
    "STP": ["Sao Tomé-et-Principe", "São Tomé-et-Príncipe", "Sao Tome and Principe", "São Tomé and Príncipe"],
    "KNA": ["Saint-Christophe-et-Niévès", "Saint Kitts and Nevis", "St Kitts and Nevis"],
    "VCT": ["Saint-Vincent-et-les-Grenadines", "Saint Vincent and the Grenadines"],
    "LCA": ["Sainte-Lucie", "Saint Lucia"],
    "ATG": ["Antigua-et-Barbuda", "Antigua and Barbuda"],
    "HKG": ["Hong Kong", "Hongkong"],
    "MAC": ["Macao", "Macau"],
    "ESH": ["Sahara occidental", "Western Sahara"],
    "GRL": ["Groenland", "Greenland"],
    "XKX": ["Kosovo"],
    "GEO": ["Géorgie", "Georgia"],
    "IRL": ["Irlande", "Ireland", "République d'Irlande", "Eire"],
    "DEU": ["Allemagne", "Germany", "République fédérale d'Allemagne", "RFA"],
    "CHE": ["Suisse", "Switzerland", "Confédération helvétique"],
    "ZAF": ["Afrique du Sud", "South Africa"],
    "NZL": ["Nouvelle-Zélande", "New Zealand"],
    "SSD": ["Soudan du Sud", "South Sudan"],
    "UKR": ["Ukraine"],
    "GUF": ["Guyane", "Guyane française", "French Guiana"],
    "GUY": ["Guyana", "République coopérative du Guyana"],
    "FLK": ["Malouines", "îles Malouines", "Falklands", "Falkland Islands"],
    "PRI": ["Porto Rico", "Puerto Rico"],
    "BHS": ["Bahamas"],
    "PHL": ["Philippines"],
    "MDV": ["Maldives"],
    "SYC": ["Seychelles"],
    "COM": ["Comores", "Comoros"],
    "GMB": ["Gambie", "Gambia", "The Gambia"],
    "NER": ["Niger"],
    "TCD": ["Tchad", "Chad"],
    "JOR": ["Jordanie", "Jordan"],
}

# Extra demonyms (masculine singular FR gets inflected automatically; EN as written + plural).
EXTRA_DEMONYMS_FR: dict[str, list[str]] = {
    "USA": ["étasunien", "états-unien", "etats-unien", "nord-américain"],
    "GBR": ["anglais", "écossais", "gallois"],
    "NLD": ["hollandais"],
    "KOR": ["coréen"],
    "CHE": ["helvète", "helvétique"],
    "BIH": ["bosniaque"],
    "MMR": ["myanmarais"],
    "TWN": ["taiwanais"],
    "VNM": ["viêtnamien"],
    "CZE": [],
    "ARE": ["émirati"],
    "PSE": [],
    "BLR": ["bélarusse"],
    "MDA": [],
    "KGZ": ["kirghize"],
    "SAU": ["saoudi"],
    "CAF": [],
    "IRN": ["perse"],
    "GUY": ["guyanais"],
}
EXTRA_DEMONYMS_EN: dict[str, list[str]] = {
    "USA": ["U.S.", "Yankee"],
    "GBR": ["Briton", "English", "Scottish", "Welsh", "Brit"],
    "DNK": ["Dane"], "FIN": ["Finn"], "SWE": ["Swede"], "POL": ["Pole"], "ESP": ["Spaniard"],
    "TUR": ["Turk"], "ISL": ["Icelander"], "GRL": ["Greenlander"], "NLD": ["Netherlander"],
    "PHL": ["Philippine", "Filipina"], "ARE": ["Emirian"], "SAU": ["Saudi Arabian"], "LAO": ["Lao"],
    "NZL": ["Kiwi"], "CZE": ["Czechoslovak"], "BIH": ["Bosniak", "Herzegovinian"], "KOR": ["Korean"],
    "IRN": ["Persian"], "BGD": ["Bangladeshis"], "LSO": ["Mosotho"],
}
# Demonyms that two countries share: which one the bare word resolves to.
DEMONYM_PREFERRED = {"congolais": "COD", "congolese": "COD", "dominicain": "DOM", "dominican": "DOM",
                     "kingston": "JAM", "guyanais": "GUF", "samoan": "WSM"}

_INVARIABLE_EN = ("ese", "ish", "ch", "ss", "swiss", "ic")


def fr_forms(m: str) -> list[str]:
    """Masculine singular French demonym -> [masc sg, fem sg, masc pl, fem pl]."""
    if not m:
        return []
    if m in ("grec",):
        return ["grec", "grecque", "grecs", "grecques"]
    if m in ("turc",):
        return ["turc", "turque", "turcs", "turques"]
    if m.endswith("burkinabè"):
        return [m, m + "s"]
    if m.endswith(("ien", "éen")):
        return [m, m + "ne", m + "s", m + "nes"]
    if m.endswith(("ais", "ois")):
        return [m, m + "e", m + "es"]
    if m.endswith("e"):
        return [m, m + "s"]
    if m.endswith("x"):
        return [m, m[:-1] + "se", m[:-1] + "ses"]
    return [m, m + "e", m + "s", m + "es"]


def en_forms(d: str) -> list[str]:
    if not d:
        return []
    if not d[-1].isalpha() or d.lower().endswith(("sh", "ch")):
        return [d]
    if d.lower().endswith(_INVARIABLE_EN) or d.endswith("s") or d in ("Thai", "Lao", "Malagasy", "Basotho", "Manx", "I-Kiribati", "Ni-Vanuatu"):
        return [d] if d not in ("Thai",) else [d, d + "s"]
    return [d, d + "s"]


# Capitals that are also frequent ordinary words or other places: kept in the
# gazetteer but only with a location cue (see places.py AMBIGUOUS set).
# Extra capital name variants.
CAPITAL_VARIANTS: dict[str, list[str]] = {
    "USA": ["Washington D.C.", "Washington, D.C.", "Washington DC", "Washington, DC"],
    "COL": ["Bogota", "Bogotá", "Santa Fe de Bogotá"],
    "UKR": ["Kyiv", "Kiev", "Kyïv", "Kiew"],
    "IND": ["New Delhi", "New Dehli", "Delhi"],
    "CHN": ["Pékin", "Beijing", "Peking"],
    "KWT": ["Koweït City", "Kuwait City"],
    "PAN": ["Panama City", "Panamá"],
    "GTM": ["Guatemala City", "Ciudad de Guatemala"],
    "MEX": ["Mexico City", "Ciudad de México", "Mexico DF", "Mexico D.F."],
    "SGP": ["Singapore", "Singapour"],
    "VAT": [],
    "KAZ": ["Astana", "Nour-Soultan", "Nur-Sultan"],
    "MMR": ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"],
    "LKA": ["Colombo"],
    "BOL": ["La Paz", "Sucre"],
    "CIV": ["Yamoussoukro", "Abidjan"],
    "NLD": ["Amsterdam"],
    "BEN": ["Porto-Novo", "Cotonou"],
    "TZA": ["Dodoma"],
    "ISR": ["Jérusalem", "Jerusalem", "Jérusalem-Ouest"],
    "MNG": ["Oulan-Bator", "Ulaanbaatar", "Ulan Bator", "Oulan Bator"],
    "KOR": ["Séoul", "Seoul"],
    "TWN": ["Taipei", "Taïpei"],
    "MDA": ["Chișinău", "Chisinau", "Kichinev"],
    "VNM": ["Hanoï", "Hanoi"],
    "SAU": ["Riyad", "Riyadh", "Riad"],
    "ARE": ["Abou Dabi", "Abu Dhabi", "Abou Dhabi"],
    "YEM": ["Sanaa", "Sana'a", "Sanaʽa"],
    "AFG": ["Kaboul", "Kabul"],
    "TCD": ["N'Djaména", "N'Djamena", "Ndjamena"],
    "KGZ": ["Bichkek", "Bishkek"],
    "TJK": ["Douchanbé", "Dushanbe"],
    "TKM": ["Achgabat", "Ashgabat", "Achkhabad"],
    "UZB": ["Tachkent", "Tashkent"],
    "MLT": ["La Valette", "Valletta"],
    "SSD": ["Djouba", "Juba"],
    "PRY": ["Asuncion", "Asunción"],
    "CRI": ["San José", "San Jose"],
    "TTO": ["Port-d'Espagne", "Port of Spain"],
    "DOM": ["Saint-Domingue", "Santo Domingo"],
    "CUB": ["La Havane", "Havana", "La Habana"],
    "GRD": ["Saint-Georges", "Saint George's", "St. George's"],
    "STP": ["São Tomé", "Sao Tomé", "Sao Tome"],
}
# Capitals not matched in running text on their own (common words or other places):
# they keep their row (capital_country() still knows them) but get no free-text name.
UNMATCHABLE_CAPITALS = {"Victoria", "Kingston", "Hamilton", "Douglas", "Saint-Denis", "Saint-Pierre", "George Town",
                        "Georgetown", "Jamestown", "The Valley", "Brades", "Stanley", "West Island", "Flying Fish Cove",
                        "Diego Garcia", "Adamstown", "Fakaofo", "Alofi", "Yaren", "Palikir", "Marigot",
                        "King Edward Point", "Longyearbyen", "Road Town", "Cockburn Town", "Mata-Utu", "Philipsburg",
                        "Saint Peter Port", "Saint Helier", "Saint John's", "Roseau", "Castries", "Basseterre",
                        "Kingstown", "Port-aux-Français", "Hagåtña", "Pago Pago"}

# Non-capital cities: (slug, iso3, lat, lon, names). "kind" city.
CITIES = [
    # United States
    ("new-york", "USA", 40.71, -74.01, "New York|New York City|NYC|New-York"),
    ("los-angeles", "USA", 34.05, -118.24, "Los Angeles"),
    ("chicago", "USA", 41.88, -87.63, "Chicago"),
    ("houston", "USA", 29.76, -95.37, "Houston"),
    ("miami", "USA", 25.76, -80.19, "Miami"),
    ("doral", "USA", 25.82, -80.36, "Doral"),
    ("san-francisco", "USA", 37.77, -122.42, "San Francisco"),
    ("boston", "USA", 42.36, -71.06, "Boston"),
    ("seattle", "USA", 47.61, -122.33, "Seattle"),
    ("atlanta", "USA", 33.75, -84.39, "Atlanta"),
    ("dallas", "USA", 32.78, -96.80, "Dallas"),
    ("philadelphia", "USA", 39.95, -75.17, "Philadelphie|Philadelphia"),
    ("las-vegas", "USA", 36.17, -115.14, "Las Vegas"),
    ("palm-beach", "USA", 26.71, -80.04, "Palm Beach|West Palm Beach"),
    ("new-orleans", "USA", 29.95, -90.07, "La Nouvelle-Orléans|Nouvelle-Orléans|New Orleans"),
    ("detroit", "USA", 42.33, -83.05, "Detroit|Détroit"),
    ("phoenix", "USA", 33.45, -112.07, "Phoenix"),
    ("denver", "USA", 39.74, -104.99, "Denver"),
    ("san-diego", "USA", 32.72, -117.16, "San Diego"),
    ("minneapolis", "USA", 44.98, -93.27, "Minneapolis"),
    ("orlando", "USA", 28.54, -81.38, "Orlando"),
    ("tampa", "USA", 27.95, -82.46, "Tampa"),
    ("el-paso", "USA", 31.76, -106.49, "El Paso"),
    ("san-antonio", "USA", 29.42, -98.49, "San Antonio"),
    ("austin", "USA", 30.27, -97.74, "Austin"),
    ("honolulu", "USA", 21.31, -157.86, "Honolulu"),
    ("anchorage", "USA", 61.22, -149.90, "Anchorage"),
    ("arlington", "USA", 38.87, -77.06, "Arlington"),
    ("key-west", "USA", 24.56, -81.78, "Key West"),
    # Colombia
    ("medellin", "COL", 6.24, -75.58, "Medellín|Medellin"),
    ("cali", "COL", 3.45, -76.53, "Cali|Santiago de Cali"),
    ("barranquilla", "COL", 10.96, -74.80, "Barranquilla"),
    ("cartagena", "COL", 10.39, -75.48, "Carthagène|Carthagène des Indes|Cartagena|Cartagena de Indias"),
    ("cucuta", "COL", 7.89, -72.50, "Cúcuta|Cucuta"),
    ("bucaramanga", "COL", 7.12, -73.12, "Bucaramanga"),
    ("santa-marta", "COL", 11.24, -74.20, "Santa Marta"),
    ("pereira", "COL", 4.81, -75.69, "Pereira"),
    ("pasto", "COL", 1.21, -77.28, "Pasto|San Juan de Pasto"),
    ("buenaventura", "COL", 3.88, -77.03, "Buenaventura"),
    ("tumaco", "COL", 1.81, -78.76, "Tumaco"),
    ("leticia", "COL", -4.22, -69.94, "Leticia"),
    ("popayan", "COL", 2.44, -76.61, "Popayán|Popayan"),
    ("monteria", "COL", 8.75, -75.88, "Montería|Monteria"),
    ("ibague", "COL", 4.44, -75.23, "Ibagué|Ibague"),
    ("manizales", "COL", 5.07, -75.52, "Manizales"),
    ("riohacha", "COL", 11.54, -72.91, "Riohacha"),
    # Venezuela
    ("maracaibo", "VEN", 10.65, -71.64, "Maracaibo"),
    ("barquisimeto", "VEN", 10.07, -69.32, "Barquisimeto"),
    ("maracay", "VEN", 10.25, -67.60, "Maracay"),
    ("ciudad-guayana", "VEN", 8.35, -62.64, "Ciudad Guayana|Puerto Ordaz"),
    ("puerto-cabello", "VEN", 10.47, -68.01, "Puerto Cabello"),
    ("la-guaira", "VEN", 10.60, -66.93, "La Guaira"),
    ("ciudad-bolivar", "VEN", 8.12, -63.55, "Ciudad Bolívar|Ciudad Bolivar"),
    ("maturin", "VEN", 9.75, -63.18, "Maturín|Maturin"),
    ("san-cristobal-ven", "VEN", 7.77, -72.22, "San Cristóbal|San Cristobal"),
    ("punto-fijo", "VEN", 11.70, -70.20, "Punto Fijo"),
    # Latin America & Caribbean
    ("sao-paulo", "BRA", -23.55, -46.63, "São Paulo|Sao Paulo|Sao Paolo"),
    ("rio-de-janeiro", "BRA", -22.91, -43.17, "Rio de Janeiro|Rio"),
    ("manaus", "BRA", -3.12, -60.02, "Manaus"),
    ("belem", "BRA", -1.46, -48.50, "Belém|Belem"),
    ("recife", "BRA", -8.05, -34.88, "Recife"),
    ("guayaquil", "ECU", -2.19, -79.89, "Guayaquil"),
    ("monterrey", "MEX", 25.69, -100.32, "Monterrey"),
    ("guadalajara", "MEX", 20.67, -103.35, "Guadalajara"),
    ("tijuana", "MEX", 32.51, -117.04, "Tijuana"),
    ("ciudad-juarez", "MEX", 31.69, -106.42, "Ciudad Juárez|Ciudad Juarez"),
    ("cancun", "MEX", 21.16, -86.85, "Cancún|Cancun"),
    ("acapulco", "MEX", 16.85, -99.82, "Acapulco"),
    ("culiacan", "MEX", 24.80, -107.39, "Culiacán|Culiacan"),
    ("valparaiso", "CHL", -33.05, -71.62, "Valparaíso|Valparaiso"),
    ("santa-cruz-bol", "BOL", -17.78, -63.18, "Santa Cruz de la Sierra"),
    ("cochabamba", "BOL", -17.39, -66.16, "Cochabamba"),
    ("guantanamo", "CUB", 20.14, -75.21, "Guantanamo|Guantánamo|baie de Guantanamo|Guantanamo Bay"),
    ("santiago-de-cuba", "CUB", 20.02, -75.82, "Santiago de Cuba"),
    ("cap-haitien", "HTI", 19.76, -72.20, "Cap-Haïtien|Cap-Haitien|Cap Haïtien"),
    ("punta-cana", "DOM", 18.58, -68.40, "Punta Cana"),
    ("cusco", "PER", -13.53, -71.97, "Cuzco|Cusco"),
    # Europe
    ("geneva", "CHE", 46.20, 6.14, "Genève|Geneve|Geneva|Genf"),
    ("zurich", "CHE", 47.38, 8.54, "Zurich|Zürich"),
    ("davos", "CHE", 46.80, 9.84, "Davos"),
    ("lausanne", "CHE", 46.52, 6.63, "Lausanne"),
    ("basel", "CHE", 47.56, 7.59, "Bâle|Bale|Basel"),
    ("munich", "DEU", 48.14, 11.58, "Munich|München|Muenchen"),
    ("hamburg", "DEU", 53.55, 9.99, "Hambourg|Hamburg"),
    ("frankfurt", "DEU", 50.11, 8.68, "Francfort|Frankfurt|Francfort-sur-le-Main"),
    ("cologne", "DEU", 50.94, 6.96, "Cologne|Köln"),
    ("marseille", "FRA", 43.30, 5.37, "Marseille|Marseilles"),
    ("lyon", "FRA", 45.76, 4.84, "Lyon|Lyons"),
    ("nice", "FRA", 43.70, 7.27, "Nice"),
    ("toulouse", "FRA", 43.60, 1.44, "Toulouse"),
    ("bordeaux", "FRA", 44.84, -0.58, "Bordeaux"),
    ("strasbourg", "FRA", 48.57, 7.75, "Strasbourg"),
    ("lille", "FRA", 50.63, 3.06, "Lille"),
    ("nantes", "FRA", 47.22, -1.55, "Nantes"),
    ("montpellier", "FRA", 43.61, 3.88, "Montpellier"),
    ("pau", "FRA", 43.30, -0.37, "Pau"),
    ("barcelona", "ESP", 41.39, 2.17, "Barcelone|Barcelona"),
    ("seville", "ESP", 37.39, -5.98, "Séville|Seville|Sevilla"),
    ("valencia", "ESP", 39.47, -0.38, "Valence|Valencia"),
    ("milan", "ITA", 45.46, 9.19, "Milan|Milano"),
    ("naples", "ITA", 40.85, 14.27, "Naples|Napoli"),
    ("turin", "ITA", 45.07, 7.69, "Turin|Torino"),
    ("florence", "ITA", 43.77, 11.26, "Florence|Firenze"),
    ("venice", "ITA", 45.44, 12.32, "Venise|Venice|Venezia"),
    ("manchester", "GBR", 53.48, -2.24, "Manchester"),
    ("birmingham", "GBR", 52.49, -1.89, "Birmingham"),
    ("edinburgh", "GBR", 55.95, -3.19, "Édimbourg|Edimbourg|Edinburgh"),
    ("glasgow", "GBR", 55.86, -4.25, "Glasgow"),
    ("liverpool", "GBR", 53.41, -2.98, "Liverpool"),
    ("belfast", "GBR", 54.60, -5.93, "Belfast"),
    ("cardiff", "GBR", 51.48, -3.18, "Cardiff"),
    ("porto", "PRT", 41.15, -8.61, "Porto|Oporto"),
    ("rotterdam", "NLD", 51.92, 4.48, "Rotterdam"),
    ("the-hague", "NLD", 52.08, 4.30, "La Haye|The Hague|Den Haag"),
    ("antwerp", "BEL", 51.22, 4.40, "Anvers|Antwerp|Antwerpen"),
    ("saint-petersburg", "RUS", 59.93, 30.34, "Saint-Pétersbourg|Saint-Petersbourg|St Petersburg|Saint Petersburg|St. Petersburg"),
    ("sochi", "RUS", 43.60, 39.73, "Sotchi|Sochi"),
    ("kaliningrad", "RUS", 54.71, 20.51, "Kaliningrad"),
    ("vladivostok", "RUS", 43.12, 131.89, "Vladivostok"),
    ("istanbul", "TUR", 41.01, 28.98, "Istanbul"),
    ("odesa", "UKR", 46.48, 30.72, "Odessa|Odesa"),
    ("kharkiv", "UKR", 49.99, 36.23, "Kharkiv|Kharkov"),
    ("lviv", "UKR", 49.84, 24.03, "Lviv|Lvov|Lwów"),
    ("krakow", "POL", 50.06, 19.94, "Cracovie|Kraków|Krakow"),
    ("gdansk", "POL", 54.35, 18.65, "Gdańsk|Gdansk"),
    ("thessaloniki", "GRC", 40.64, 22.94, "Thessalonique|Thessaloniki"),
    # Middle East & Africa
    ("dubai", "ARE", 25.20, 55.27, "Dubaï|Dubai"),
    ("jeddah", "SAU", 21.49, 39.19, "Djeddah|Jeddah|Jedda"),
    ("mecca", "SAU", 21.39, 39.86, "La Mecque|Mecca|Makkah"),
    ("tel-aviv", "ISR", 32.09, 34.78, "Tel Aviv|Tel-Aviv"),
    ("gaza-city", "PSE", 31.50, 34.47, "Gaza City|ville de Gaza"),
    ("aleppo", "SYR", 36.20, 37.16, "Alep|Aleppo"),
    ("mosul", "IRQ", 36.34, 43.13, "Mossoul|Mosul"),
    ("basra", "IRQ", 30.51, 47.78, "Bassora|Basra"),
    ("erbil", "IRQ", 36.19, 44.01, "Erbil|Arbil"),
    ("isfahan", "IRN", 32.65, 51.67, "Ispahan|Isfahan"),
    ("mashhad", "IRN", 36.30, 59.60, "Machhad|Mashhad"),
    ("bandar-abbas", "IRN", 27.18, 56.27, "Bandar Abbas"),
    ("sharm-el-sheikh", "EGY", 27.92, 34.33, "Charm el-Cheikh|Charm el-Cheik|Sharm el-Sheikh|Sharm El Sheikh"),
    ("alexandria", "EGY", 31.20, 29.92, "Alexandrie|Alexandria"),
    ("aden", "YEM", 12.79, 45.02, "Aden"),
    ("hodeidah", "YEM", 14.80, 42.95, "Hodeïda|Hodeida|Hodeidah"),
    ("benghazi", "LBY", 32.12, 20.09, "Benghazi"),
    ("casablanca", "MAR", 33.57, -7.59, "Casablanca"),
    ("marrakech", "MAR", 31.63, -8.01, "Marrakech|Marrakesh"),
    ("lagos", "NGA", 6.52, 3.38, "Lagos"),
    ("kano", "NGA", 12.00, 8.52, "Kano"),
    ("johannesburg", "ZAF", -26.20, 28.05, "Johannesburg|Johannesbourg"),
    ("cape-town", "ZAF", -33.92, 18.42, "Le Cap|Cape Town"),
    ("durban", "ZAF", -29.86, 31.02, "Durban"),
    ("mombasa", "KEN", -4.04, 39.67, "Mombasa"),
    ("goma", "COD", -1.68, 29.23, "Goma"),
    ("lubumbashi", "COD", -11.66, 27.48, "Lubumbashi"),
    ("abidjan", "CIV", 5.36, -4.01, "Abidjan"),
    ("douala", "CMR", 4.05, 9.70, "Douala"),
    ("timbuktu", "MLI", 16.77, -3.01, "Tombouctou|Timbuktu"),
    ("gao", "MLI", 16.27, -0.04, "Gao"),
    ("dar-es-salaam", "TZA", -6.79, 39.21, "Dar es Salaam|Dar es-Salaam"),
    ("zanzibar", "TZA", -6.16, 39.19, "Zanzibar"),
    ("cotonou", "BEN", 6.37, 2.39, "Cotonou"),
    ("oran", "DZA", 35.70, -0.63, "Oran"),
    ("port-sudan", "SDN", 19.62, 37.22, "Port-Soudan|Port Sudan"),
    ("el-fasher", "SDN", 13.63, 25.35, "El-Facher|El Fasher|El-Fasher"),
    # Asia & Oceania
    ("shanghai", "CHN", 31.23, 121.47, "Shanghai|Shanghaï"),
    ("guangzhou", "CHN", 23.13, 113.26, "Canton|Guangzhou"),
    ("shenzhen", "CHN", 22.54, 114.06, "Shenzhen"),
    ("wuhan", "CHN", 30.59, 114.31, "Wuhan"),
    ("chongqing", "CHN", 29.56, 106.55, "Chongqing"),
    ("mumbai", "IND", 19.08, 72.88, "Bombay|Mumbai"),
    ("bengaluru", "IND", 12.97, 77.59, "Bangalore|Bengaluru"),
    ("kolkata", "IND", 22.57, 88.36, "Calcutta|Kolkata"),
    ("karachi", "PAK", 24.86, 67.00, "Karachi"),
    ("lahore", "PAK", 31.55, 74.34, "Lahore"),
    ("osaka", "JPN", 34.69, 135.50, "Osaka"),
    ("hiroshima", "JPN", 34.39, 132.46, "Hiroshima"),
    ("busan", "KOR", 35.18, 129.08, "Busan|Pusan"),
    ("ho-chi-minh-city", "VNM", 10.82, 106.63, "Hô Chi Minh-Ville|Ho Chi Minh-Ville|Ho Chi Minh City|Saïgon|Saigon"),
    ("almaty", "KAZ", 43.24, 76.89, "Almaty|Alma-Ata"),
    ("kandahar", "AFG", 31.61, 65.71, "Kandahar"),
    ("sydney", "AUS", -33.87, 151.21, "Sydney"),
    ("melbourne", "AUS", -37.81, 144.96, "Melbourne"),
    ("auckland", "NZL", -36.85, 174.76, "Auckland"),
]

# Admin areas / regions (kind admin or region): (slug, iso3 or "", kind, lat, lon, names)
AREAS = [
    ("florida", "USA", "admin", 27.99, -81.76, "Floride|Florida"),
    ("texas", "USA", "admin", 31.00, -100.00, "Texas"),
    ("california", "USA", "admin", 36.78, -119.42, "Californie|California"),
    ("louisiana", "USA", "admin", 30.98, -91.96, "Louisiane|Louisiana"),
    ("arizona", "USA", "admin", 34.05, -111.09, "Arizona"),
    ("new-mexico", "USA", "admin", 34.52, -105.87, "Nouveau-Mexique|New Mexico"),
    ("alaska", "USA", "admin", 64.20, -149.49, "Alaska"),
    ("hawaii", "USA", "admin", 19.90, -155.58, "Hawaï|Hawaii"),
    ("antioquia", "COL", "admin", 7.00, -75.50, "Antioquia|Antioquie"),
    ("cauca", "COL", "admin", 2.50, -76.80, "Cauca"),
    ("valle-del-cauca", "COL", "admin", 3.80, -76.50, "Valle del Cauca"),
    ("narino", "COL", "admin", 1.29, -77.36, "Nariño|Narino"),
    ("choco", "COL", "admin", 5.69, -76.66, "Chocó|Choco"),
    ("la-guajira", "COL", "admin", 11.35, -72.52, "La Guajira|Guajira"),
    ("putumayo", "COL", "admin", 0.43, -75.53, "Putumayo"),
    ("norte-de-santander", "COL", "admin", 7.95, -72.90, "Norte de Santander"),
    ("catatumbo", "COL", "region", 8.60, -73.00, "Catatumbo"),
    ("arauca", "COL", "admin", 6.55, -71.00, "Arauca"),
    ("zulia", "VEN", "admin", 10.00, -72.00, "Zulia"),
    ("tachira", "VEN", "admin", 7.90, -72.10, "Táchira|Tachira"),
    ("apure", "VEN", "admin", 7.10, -68.80, "Apure"),
    ("falcon", "VEN", "admin", 11.10, -69.90, "Falcón|Falcon"),
    ("anzoategui", "VEN", "admin", 8.60, -64.20, "Anzoátegui|Anzoategui"),
    ("margarita", "VEN", "admin", 11.00, -63.90, "île de Margarita|Isla Margarita|Margarita Island|Nueva Esparta"),
    ("british-columbia", "CAN", "admin", 53.73, -127.65, "Colombie-Britannique|British Columbia"),
    ("quebec", "CAN", "admin", 52.94, -73.55, "Québec|Quebec"),
    ("ontario", "CAN", "admin", 51.25, -85.32, "Ontario"),
    ("essequibo", "GUY", "region", 6.00, -59.50, "Essequibo|Guayana Esequiba"),
    ("darien", "PAN", "region", 8.40, -77.90, "Darién|Darien|bouchon du Darién|Darién Gap|Darien Gap"),
    ("gaza", "PSE", "admin", 31.42, 34.36, "Gaza|bande de Gaza|Gaza Strip"),
    ("west-bank", "PSE", "admin", 31.95, 35.30, "Cisjordanie|West Bank"),
    ("crimea", "UKR", "admin", 45.30, 34.40, "Crimée|Crimea"),
    ("donbas", "UKR", "region", 48.00, 38.00, "Donbass|Donbas"),
    ("darfur", "SDN", "region", 13.50, 24.00, "Darfour|Darfur"),
    ("england", "GBR", "admin", 52.36, -1.17, "Angleterre|England"),
    ("scotland", "GBR", "admin", 56.49, -4.20, "Écosse|Ecosse|Scotland"),
    ("wales", "GBR", "admin", 52.13, -3.78, "Pays de Galles|Wales"),
    ("northern-ireland", "GBR", "admin", 54.79, -6.49, "Irlande du Nord|Northern Ireland"),
    ("latin-america", "", "region", -8.78, -55.49, "Amérique latine|Latin America"),
    ("south-america", "", "region", -8.78, -55.49, "Amérique du Sud|South America"),
    ("central-america", "", "region", 12.77, -85.60, "Amérique centrale|Central America"),
    ("europe", "", "region", 54.53, 15.26, "Europe"),
    ("africa", "", "region", 8.78, 34.51, "Afrique|Africa"),
    ("middle-east", "", "region", 29.30, 42.55, "Moyen-Orient|Proche-Orient|Middle East"),
    ("sahel", "", "region", 15.00, 5.00, "Sahel"),
    ("caribbean", "", "region", 15.00, -75.00, "Caraïbes|Caraibes|Antilles|the Caribbean"),
]

SEAS = [
    ("caribbean-sea", 15.00, -75.00, "mer des Caraïbes|mer des Caraibes|mer des Antilles|Caribbean Sea"),
    ("pacific-ocean", 0.00, -160.00, "océan Pacifique|ocean Pacifique|Pacifique|Pacific Ocean|the Pacific|Pacific"),
    ("eastern-pacific", 5.00, -95.00, "Pacifique Est|Pacifique oriental|est du Pacifique|eastern Pacific|Eastern Pacific"),
    ("atlantic-ocean", 14.60, -28.67, "océan Atlantique|ocean Atlantique|Atlantique|Atlantic Ocean|the Atlantic"),
    ("mediterranean", 35.00, 18.00, "mer Méditerranée|Méditerranée|Mediterranee|Mediterranean Sea|the Mediterranean"),
    ("red-sea", 20.00, 38.00, "mer Rouge|Red Sea"),
    ("black-sea", 43.00, 35.00, "mer Noire|Black Sea"),
    ("baltic-sea", 58.00, 20.00, "mer Baltique|Baltic Sea"),
    ("south-china-sea", 12.00, 113.00, "mer de Chine méridionale|South China Sea"),
    ("gulf-of-mexico", 25.00, -90.00, "golfe du Mexique|Golfe du Mexique|Gulf of Mexico|golfe d'Amérique|Gulf of America"),
    ("persian-gulf", 26.00, 52.00, "golfe Persique|Persian Gulf|Golfe persique"),
    ("strait-of-hormuz", 26.57, 56.25, "détroit d'Ormuz|Strait of Hormuz"),
    ("taiwan-strait", 24.00, 119.50, "détroit de Taïwan|Taiwan Strait"),
    ("indian-ocean", -20.00, 80.00, "océan Indien|Indian Ocean"),
    ("arctic-ocean", 85.00, 0.00, "océan Arctique|Arctique|Arctic Ocean|the Arctic"),
    ("panama-canal", 9.08, -79.68, "canal de Panama|Panama Canal"),
]

# Venues: (slug, iso3, lat, lon, parent capital/city id, names)
VENUES = [
    ("white-house", "USA", 38.90, -77.04, "capital:USA", "Maison Blanche|Maison-Blanche|White House"),
    ("oval-office", "USA", 38.90, -77.04, "capital:USA", "Bureau ovale|Oval Office"),
    ("capitol", "USA", 38.89, -77.01, "capital:USA", "Capitole|Capitol Hill|US Capitol|Capitol"),
    ("pentagon", "USA", 38.87, -77.06, "city:arlington", "Pentagone|Pentagon"),
    ("camp-david", "USA", 39.65, -77.46, "", "Camp David"),
    ("mar-a-lago", "USA", 26.68, -80.04, "city:palm-beach", "Mar-a-Lago"),
    ("un-headquarters", "USA", 40.75, -73.97, "city:new-york", "siège de l'ONU|siège des Nations unies|UN headquarters"),
    ("kremlin", "RUS", 55.75, 37.62, "capital:RUS", "Kremlin"),
    ("elysee", "FRA", 48.87, 2.32, "capital:FRA", "Élysée|Elysée|Elysee|palais de l'Élysée|Elysee Palace"),
    ("matignon", "FRA", 48.85, 2.32, "capital:FRA", "Matignon|hôtel de Matignon"),
    ("quai-d-orsay", "FRA", 48.86, 2.31, "capital:FRA", "Quai d'Orsay"),
    ("downing-street", "GBR", 51.50, -0.13, "capital:GBR", "Downing Street|10 Downing Street"),
    ("zhongnanhai", "CHN", 39.91, 116.38, "capital:CHN", "Zhongnanhai"),
    ("miraflores", "VEN", 10.51, -66.92, "capital:VEN", "palais de Miraflores|Palais de Miraflores|Miraflores|Miraflores Palace|Palacio de Miraflores"),
    ("fuerte-tiuna", "VEN", 10.45, -66.90, "capital:VEN", "Fuerte Tiuna"),
    ("casa-de-narino", "COL", 4.60, -74.08, "capital:COL", "Casa de Nariño|Casa de Narino|palais Nariño|palais de Nariño|Palacio de Nariño"),
    ("palacio-nacional-mex", "MEX", 19.43, -99.13, "capital:MEX", "Palacio Nacional|Palais national mexicain"),
    ("planalto", "BRA", -15.80, -47.86, "capital:BRA", "Planalto|palais du Planalto|Palácio do Planalto"),
    ("casa-rosada", "ARG", -34.61, -58.37, "capital:ARG", "Casa Rosada"),
    ("la-moneda", "CHL", -33.44, -70.65, "capital:CHL", "La Moneda|palais de La Moneda"),
    ("carondelet", "ECU", -0.22, -78.51, "capital:ECU", "Carondelet|palais de Carondelet"),
    ("vatican-venue", "VAT", 41.90, 12.45, "capital:VAT", "basilique Saint-Pierre|St. Peter's Basilica"),
    ("berlaymont", "BEL", 50.84, 4.38, "capital:BEL", "Berlaymont"),
    ("palais-des-nations", "CHE", 46.23, 6.14, "city:geneva", "Palais des Nations"),
]


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def clean_variant(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u2019", "'").replace("&", "and")).strip()


def variants(*names: str) -> list[str]:
    """Names plus their accent-free forms, in order, deduplicated."""
    out: list[str] = []
    for n in names:
        if not n:
            continue
        n = clean_variant(n)
        for v in (n, strip_accents(n)):
            if v and v not in out:
                out.append(v)
    return out


def cldr_names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """iso3 -> (iso2, English name, French name) from CLDR via Babel (empty if absent)."""
    try:
        from babel import Locale
        from babel.core import get_global
    except ImportError:  # pragma: no cover
        print("babel not importable: names limited to the hand-written ones", file=sys.stderr)
        return {}, {}, {}
    aliases = get_global("territory_aliases")
    en, fr = Locale("en").territories, Locale("fr").territories
    iso2, name_en, name_fr = {}, {}, {}
    for k, v in aliases.items():
        if len(k) == 3 and k.isalpha() and len(v) == 1 and v[0] in en:
            iso2[k] = v[0]
            name_en[k] = en[v[0]]
            name_fr[k] = fr[v[0]]
    return iso2, name_en, name_fr


def _en_clean(n: str) -> list[str]:
    n = n.replace("St. ", "Saint ").replace("&", "and").replace("\u2019", "'")
    n = re.sub(r"\s*SAR China$", "", n)
    m = re.match(r"^(.*?)\s*\((.*)\)$", n)
    if m:
        return [m.group(1), m.group(2)]
    if " - " in n:  # "Congo - Kinshasa"
        a, b = n.split(" - ", 1)
        return [f"{a}-{b}"]
    return [n]


def _fr_clean(n: str) -> list[str]:
    n = n.replace("\u2019", "'")
    if n.startswith("R.A.S. chinoise de "):
        return [n[len("R.A.S. chinoise de "):]]
    m = re.match(r"^(.*?)\s*\((.*)\)$", n)
    if m:
        return [m.group(1), m.group(2)]
    return [n]


ISO2_FALLBACK = {"XKX": "XK"}
# (French, English) display names where CLDR's short form is not the usual one in news.
NAME_OVERRIDES = {
    "USA": ("États-Unis", "United States"),
    "COD": ("République démocratique du Congo", "Democratic Republic of the Congo"),
    "COG": ("Congo", "Republic of the Congo"),
    "MMR": ("Birmanie", "Myanmar"),
    "PSE": ("Palestine", "Palestine"),
    "BIH": ("Bosnie-Herzégovine", "Bosnia and Herzegovina"),
    "HKG": ("Hong Kong", "Hong Kong"),
    "MAC": ("Macao", "Macau"),
    "TUR": ("Turquie", "Turkey"),
    "CZE": ("Tchéquie", "Czech Republic"),
    "VAT": ("Vatican", "Vatican City"),
}
BAD_ISO3 = {"ASC", "BUR", "CPT", "DDR", "DGA", "FXX", "QUU", "TAA", "TMP", "XAA", "XBB", "XKK", "YMD", "ZAR", "ZZZ"}


def parse_table():
    rows = []
    for line in COUNTRY_TABLE.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split(";")
        assert len(f) == 9, line
        rows.append(f)
    return rows


def build():
    iso2s, en_names, fr_names = cldr_names()
    countries = []
    gaz = []
    seen_ids = set()

    def add(row):
        assert row["id"] not in seen_ids, row["id"]
        seen_ids.add(row["id"])
        gaz.append(row)

    for iso3, clat, clon, cap_en, cap_fr, caplat, caplon, dem_fr, dem_en in parse_table():
        iso2 = iso2s.get(iso3) or ISO2_FALLBACK.get(iso3, "")
        n_en = _en_clean(en_names[iso3]) if iso3 in en_names else []
        n_fr = _fr_clean(fr_names[iso3]) if iso3 in fr_names else []
        extra = EXTRA_NAMES.get(iso3, [])
        name_en = n_en[0] if n_en else next((e for e in extra if e.isascii()), iso3)
        name_fr = n_fr[0] if n_fr else (extra[0] if extra else name_en)
        if iso3 in NAME_OVERRIDES:
            name_fr, name_en = NAME_OVERRIDES[iso3]
        if iso3 == "XKX":
            name_en = name_fr = "Kosovo"
        names = variants(name_fr, name_en, *n_fr[1:], *n_en[1:], *extra)
        dfr: list[str] = []
        for d in [dem_fr] + EXTRA_DEMONYMS_FR.get(iso3, []):
            for f in fr_forms(d):
                if f not in dfr:
                    dfr.append(f)
        den: list[str] = []
        for d in [dem_en] + EXTRA_DEMONYMS_EN.get(iso3, []):
            for f in en_forms(d):
                if f not in den:
                    den.append(f)
        capital = cap_fr or cap_en
        countries.append({
            "iso3": iso3, "iso2": iso2, "name_en": name_en, "name_fr": name_fr,
            "demonyms_fr": "|".join(dfr), "demonyms_en": "|".join(den),
            "capital": capital, "capital_en": cap_en, "names": "|".join(names),
        })
        add({"id": f"country:{iso3}", "name": name_fr, "country_iso3": iso3, "kind": "country",
             "lat": f"{float(clat):.2f}", "lon": f"{float(clon):.2f}", "names": "|".join(names), "parent": ""})
        if cap_en:
            cap_names = [] if cap_en in UNMATCHABLE_CAPITALS or cap_fr in UNMATCHABLE_CAPITALS else variants(
                cap_fr, cap_en, *CAPITAL_VARIANTS.get(iso3, []))
            # city-states: the capital's bare name is the country's; keep only explicit city forms
            add({"id": f"capital:{iso3}", "name": capital, "country_iso3": iso3, "kind": "capital",
                 "lat": f"{float(caplat):.2f}", "lon": f"{float(caplon):.2f}", "names": "|".join(cap_names),
                 "parent": f"country:{iso3}"})
    for slug, iso3, lat, lon, names in CITIES:
        if not names:
            continue
        parts = names.split("|")
        add({"id": f"city:{slug}", "name": parts[0], "country_iso3": iso3, "kind": "city",
             "lat": f"{lat:.2f}", "lon": f"{lon:.2f}", "names": "|".join(variants(*parts)), "parent": f"country:{iso3}"})
    for slug, iso3, kind, lat, lon, names in AREAS:
        parts = names.split("|")
        add({"id": f"{kind}:{slug}", "name": parts[0], "country_iso3": iso3, "kind": kind,
             "lat": f"{lat:.2f}", "lon": f"{lon:.2f}", "names": "|".join(variants(*parts)),
             "parent": f"country:{iso3}" if iso3 else ""})
    for slug, lat, lon, names in SEAS:
        parts = names.split("|")
        add({"id": f"sea:{slug}", "name": parts[0], "country_iso3": "", "kind": "sea",
             "lat": f"{lat:.2f}", "lon": f"{lon:.2f}", "names": "|".join(variants(*parts)), "parent": ""})
    for slug, iso3, lat, lon, parent, names in VENUES:
        parts = names.split("|")
        add({"id": f"venue:{slug}", "name": parts[0], "country_iso3": iso3, "kind": "venue",
             "lat": f"{lat:.2f}", "lon": f"{lon:.2f}", "names": "|".join(variants(*parts)),
             "parent": parent or f"country:{iso3}"})
    return countries, gaz


def check(countries, gaz):
    codes = {c["iso3"] for c in countries}
    assert len(codes) == len(countries)
    assert not codes & BAD_ISO3
    for row in gaz:
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, row
        assert row["country_iso3"] == "" or row["country_iso3"] in codes, row
    ids = {r["id"] for r in gaz}
    for row in gaz:
        assert not row["parent"] or row["parent"] in ids, row


def main():
    countries, gaz = build()
    check(countries, gaz)
    DATA.mkdir(parents=True, exist_ok=True)
    with open(DATA / "countries.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["iso3", "iso2", "name_en", "name_fr", "demonyms_fr", "demonyms_en",
                                           "capital", "capital_en", "names"], lineterminator="\n")
        w.writeheader()
        w.writerows(countries)
    with open(DATA / "gazetteer.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "name", "country_iso3", "kind", "lat", "lon", "names", "parent"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(gaz)
    print(f"countries.csv: {len(countries)} rows; gazetteer.csv: {len(gaz)} rows")


if __name__ == "__main__":
    main()
