"""Hand-written word lists for de-identification: what is never a name, and what announces one.

Every entry is case-folded and stripped of accents (see :func:`bot.domain.deid_names.norm`).
The lists are generic (French and English clinical vocabulary, eponyms, drug brands), never names
taken from an evaluation set.
"""

from typing import Final

from bot.domain.wordlists import unligatured


def _words(text: str) -> frozenset[str]:
    return frozenset(unligatured(text).split())


# Function words: never a name on their own, and they end a name.
STOP: Final = _words(
    """
    a à au aux avec ce ces cet cette chez comme dans de des du elle elles en est et été être il ils
    je la le les leur lui ma mais me mes moi mon ne ni nos notre nous on ou où par pas pour qu que
    qui sa sans se ses si son sont sur ta te tes toi ton tu un une vos votre vous y d l j n s m c t
    qu' ça cela ceci dont donc car puis sous vers entre depuis pendant avant après hier demain
    aujourd'hui ici là très trop peu plus moins bien mal oui non ok svp merci bonjour bonsoir salut
    ai as avons avez ont fait faire a-t-il est-ce
    the of and or to in at by for with from is are was were be been being has have had do
    does did not no yes it its this that these those he she his her him they them their we our us
    you your i my an if then than so but into onto over under about after before since until
    while who whom whose which what when where why how all any some each every both either neither
    hi hello thanks thank please dear regards best
    chacun chacune plusieurs certaines quelqu'un quelqu'une malgre lorsque puisque quiconque
    lequel laquelle lesquels lesquelles celui celle ceux celles
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
    saturday sunday
    """
)

# Courtesy titles: the next word is a name, whatever its case.
TITLES: Final = _words(
    """
    m mr mrs ms mme mmes mlle mlles melle mr. mrs. ms. miss mister madame monsieur mademoiselle
    messieurs dr dr. docteur doctor drs pr pr. professeur professor prof sir dame lady lord
    """
)

# Words after which a capitalised word (or a known lowercase name) is a name.
TRIGGERS: Final = _words(
    """
    patient patiente patients patientes pt pte nom prenom prenoms name surname firstname named
    called appele appelee epouse epoux mari femme fille fils frere soeur pere mere oncle tante
    cousin cousine neveu niece grand-mere grand-pere belle-mere beau-pere compagne compagnon
    conjoint conjointe husband wife son daughter brother sister father mother aunt uncle nephew
    grandson granddaughter grandmother grandfather mr mrs interne internes externe
    signe cordialement confrere consoeur consœur collegue colleague chez nee ne
    infirmiers infirmieres psychologue secretaire kinesitherapeute orthophoniste dieteticien
    dieteticienne sage-femme aide-soignant aide-soignante nurse
    says said kid
    """
)

# Adverbs of French and English messages: written in lowercase after an announcing word ("pt
# déjà à 60 mg/j", "patient already on"), the adverb, never a lowercase name ("Deja"); so is
# the "nil" of "nil by mouth" ("pt nil by mouth post op").
ADVERBS: Final = _words(
    """
    deja encore toujours jamais souvent parfois rarement aussi egalement alors ensuite enfin
    maintenant actuellement desormais recemment auparavant anterieurement initialement vraiment
    plutot surtout assez beaucoup presque seulement uniquement juste bientot tot tard vite
    partout ailleurs ainsi pourtant cependant neanmoins toutefois tellement peut-etre
    probablement certainement visiblement apparemment clairement habituellement
    already still also again now then just never always often sometimes rarely recently
    previously currently initially finally eventually soon later earlier yet only even ever
    quite rather really probably apparently clearly obviously otherwise usually
    nil
    """
)

# Words that are first names or surnames in the lexicons but ordinary words in a clinical note:
# never a name without a stronger clue (a title, a trigger, a neighbouring name).
COMMON: Final = _words(
    """
    pierre rose marie claude ange fleur olive prune cerise perle colombe aime aimee desire france
    prudence constance victoire reine blanche violette marine oceane aurore line lys modeste
    fidele honore clement constant prosper gaston sage juste rene grace hope joy faith ruby pearl
    iris lily daisy violet ivy dawn summer autumn page major king guy sandy rich carol penny chance
    price young long gay christian love merry star sunny august miles will mark bill art may june
    april jan dean earl duke baron noble lane hill wood green brown black white gray grey golden
    still best said sale salle petit blanc noir rouge vert brun gros grand masse
    porte pain bon bonne belle beau roux roi fort
    vendredi samedi dimanche lundi mardi mercredi jeudi monday tuesday wednesday thursday friday
    saturday sunday janvier fevrier mars avril mai juin juillet aout septembre octobre novembre
    decembre january february march july september october november december
    patient patiente docteur service hopital clinique urgence urgences consultation medecin
    infirmier infirmiere cabinet centre maison foyer chambre box lit bloc etage rea reanimation
    cardio cardiologie pneumo pneumologie neuro neurologie nephro nephrologie gastro endocrino
    derma dermato rhumato uro gyneco pedia pediatrie psy psychiatrie onco oncologie hemato
    geriatrie
    orl ophtalmo radio radiologie chir chirurgie medecine interne
    bilan examen traitement analyse scanner echo irm biologie sang urine prise dose
    homme femme enfant bebe nourrisson adulte monsieur madame fille garcon
    hello thanks thank dear regards sincerely cheers ok merci bonjour bonsoir salut
    ras rdv urg nee ne vivant vivante signe cher chere max min sol inj amp stylo gel cp fl na
    eva ana tia ali via
    paris london
    can just iban
    papa maman mum mom dad daddy mummy mommy mama mamie mamy papi papy mother father mere pere
    husband wife mari fils son daughter brother sister frere soeur grand-mere grand-pere
    grandma grandpa granny grandmother grandfather tata tatie tonton nounou
    asap stp pls plz tmrw
    sem sems
    brady tachy bradys tachys coro endo palli hemo celio cath lapa chole
    noel ramadan paques toussaint christmas xmas easter hanukkah hanoucca diwali thanksgiving
    halloween reveillon careme lent
    """
)

# Eponymous diseases, signs, scores, classifications, mutations and germs: never a name unless a
# title stands right before them ("Dr Murphy").
EPONYMS: Final = _words(
    """
    addison adie ahlback alport alzheimer angelman apgar argyll arnold asherman asperger austin
    babinski baker balthazar barlow barr barre barrett barthel bartholin bartter basedow becker
    bechterew behcet bell bence benedikt berger bernard biermer billroth binswanger biot bismuth
    blatchford bloom blumberg borrelia bosniak bourneville bouveret bowen braden breslow broca
    brown brudzinski brugada budd buerger burkitt caplan caprini castleman chagas charcot cheyne
    chiari child chopart churg chvostek civatte clark coats colles conn cooley coombs cormack
    courvoisier coxsackie creutzfeldt crigler crohn cullen curtis cushing dandy danlos darier
    debakey dejerine denis diogene doppler douglas down dravet dressler dubin duchenne duke dukes
    dupuytren duroziez eaton ebstein edwards ehlers eisenmenger ellison epley epstein epworth
    erb erdheim escherich ewing fabry fallot fanconi fazekas felty ficat fiessinger finkelstein
    fisher fitz-hugh fitzpatrick fleischer fleischner foley folstein fontaine forestier forrest
    forrester foville framingham friedreich gaisbock galeazzi ganz garden gastaut gaucher gayet
    geneve geneva gerstmann ghon gilbert gitelman glasgow gleason goodpasture gougerot gradenigo
    gram graves grawitz guillain haglund hailey hallopeau hamilton hamman harada hartmann
    hashimoto heerfordt heimlich henoch hinchey hippel hirschsprung hodgkin hoffa hoffmann holter
    homans horner horton hunt huntington hurthle jackson jakob janeway kahler kallmann kaposi
    karnofsky kartagener kasabach kawasaki kayser kearns kernig kienbock kikuchi killip klatskin
    klinefelter koch kocher koebner korsakoff kounis krabbe krukenberg kugelberg kussmaul kyrle
    lachman lafora lambert langerhans lasegue lauge leber legg legionella lennox leriche lesch
    levine lewy leydig lhermitte libman liddle lindau lisfranc listeria lofgren loeffler lown
    lugol lund lutembacher lyell lyme maisonneuve mallampati mallory marburg marchiafava marfan
    masson mcardle mcburney meckel meigs menetrier meniere menkes merkel millard miller minkowski
    mirizzi mobitz monteggia morgagni morton mounier munchausen murphy neer neisseria nelson
    niemann nikolsky nissen noonan norton nyha ogilvie ondine osgood osler paget pancoast
    papanicolaou parinaud parkinson parkland pasteur pauwels pendred perthes peutz phalen pick
    pickwick plummer pompe pott prader prinzmetal pugh queyrat quincke ramsay ranke rankin ranson
    raynaud recklinghausen refsum reiter rendu rett richter riedel ringer rinne rockall romano
    romberg rosai roth rotor roux rovsing rutherford sachs salter sayre scarff schatzker
    scheuermann
    schlatter schonlein schwartz seldinger sequard sertoli sezary sheehan shy simmonds sinding
    sjogren skene spitz stargardt steell stein steinert stevens still stokes strohl sturge sudeck
    swan sweet takayasu takotsubo tanner tay tinel todd tolosa tourette treacher troisier
    trousseau turner unverricht valsalva verneuil virchow vogt volkmann von waldenstrom walker
    wallenberg warthin wassermann waterhouse weber wegener welander wells wenckebach werdnig
    wernicke west westermark whipple white widal willebrand willi wilms wilson wolff yersin
    zenker zieve ziehl zika zollinger zumbusch charlson gosling kaplan meier fischer student
    gustilo kellgren lawrence outerbridge ahlbäck mason evans danis hawkins cobb
    risser tegner lysholm constant quick bordet gengou neelsen mantoux
    binet modic prehn mcisaac achilles thurner cockett spurling
    graf spetzler masaoka lugano stanford rockwood letournel pipkin frykman
    ludwig moro finnegan ashworth hurley greulich klumpke brazelton silverman dubowitz tardieu
    hoehn yahr tinetti oswestry lequesne womac gartland lichtman tubiana kapandji apley mcmurray
    yergason hallpike semont halmagyi unterberger schirmer amsler snellen monoyer bielschowsky
    hirschberg krimsky tzanck auspitz sartorius maddrey waterlow ferriman gallwey beighton tonnis
    paprosky catterall pirani dimeglio ponseti tscherne magerl enneking mirels tokuhashi fuhrman
    figo astler durie lansky hachinski yesavage chaddock rossolimo wartenberg uhthoff myerson
    gowers trendelenburg kehr carnett traube sgarbossa bazett khorana baveno spigelman haggitt
    oberhuber mingazzini schober leiden
    """
)

# Eponyms that name a thing (a stain, a germ, a device, a manoeuvre, a score), not a person: even
# opening a sentence before a verb ("Gram said positive", "Foley was removed"), never a name
# without a title.
EPONYM_THINGS: Final = _words(
    """
    gram ziehl neelsen apgar glasgow doppler holter foley swan ganz seldinger valsalva heimlich
    epley mallampati trendelenburg karnofsky killip nyha framingham epworth rockall blatchford
    breslow gleason bosniak fazekas mantoux widal wassermann papanicolaou lugol ringer
    listeria legionella borrelia neisseria coxsackie escherich lyme zika marburg sengstaken
    blakemore guedel yankauer kocher lachman romberg babinski
    """
)

# Eponyms written as two or three names ("Stevens-Johnson", "Mallory Weiss", "drain de Jackson
# Pratt"): with a hyphen, spaces or in lowercase, the whole run is the eponym, never a person.
EPONYM_COMPOUNDS: Final = frozenset(
    tuple(w.split("-"))
    for w in _words(
        """
    stevens-johnson mallory-weiss jackson-pratt guillain-barre creutzfeldt-jakob
    wolff-parkinson-white zollinger-ellison budd-chiari charcot-marie-tooth ehlers-danlos
    peutz-jeghers osgood-schlatter legg-calve-perthes austin-flint argyll-robertson
    brown-sequard chediak-higashi dandy-walker arnold-chiari lesch-nyhan prader-willi
    klippel-feil klippel-trenaunay waterhouse-friderichsen sturge-weber von-willebrand
    tolosa-hunt ramsay-hunt lown-ganong-levine bernard-soulier hand-schuller-christian
    swan-ganz sengstaken-blakemore kasabach-merritt
    henoch-schonlein hippel-lindau von-hippel-lindau von-recklinghausen kimmelstiel-wilson
    churg-strauss wiskott-aldrich crigler-najjar dubin-johnson gilles-tourette
    marchiafava-bignami wernicke-korsakoff jervell-lange-nielsen romano-ward
    bland-white-garland cheyne-stokes adams-stokes fitz-hugh-curtis kugelberg-welander
    werdnig-hoffmann niemann-pick tay-sachs hallervorden-spatz lennox-gastaut
    parsonage-turner silver-russell beckwith-wiedemann rubinstein-taybi
    smith-lemli-opitz treacher-collins shy-drager steele-richardson-olszewski
    miller-fisher holt-oram ellis-van-creveld
    mayer-rokitansky-kuster-hauser stein-leventhal mallory-denk kearns-sayre
    claude-bernard-horner bernard-horner may-thurner mac-isaac
    lauge-hansen ann-arbor child-pugh spetzler-martin
    charles-bonnet marcus-gunn foster-kennedy holmes-adie dix-hallpike salter-harris
    hoehn-yahr fugl-meyer montgomery-asberg ferriman-gallwey greulich-pyle cormack-lehane
    osler-weber-rendu rendu-osler fiessinger-leroy-reiter louis-bar gougerot-sjogren
    bardet-biedl pierre-robin wolff-chaikoff jod-basedow mccune-albright
    """
    )
)

# Words naming an institution: the capitalised words after them ("Centre Léon Bérard", "Institut
# Gustave Roussy", "hôpital Necker-Enfants malades", "Memorial Sloan Kettering") or, in English,
# before them ("Johns Hopkins Hospital", "Mayo Clinic") name the place, not a person.
INSTITUTION_HEADS: Final = _words(
    """
    centre center hopital hopitaux chu chr ch gh clinique polyclinique institut fondation hospital
    clinic institute memorial groupe-hospitalier
    """
)
INSTITUTION_TAILS: Final = _words(
    """
    hospital hospitals clinic institute center centre infirmary
    """
)

# Drug names, brand names and biological words often written with a capital.
DRUGS: Final = _words(
    """
    kardegic eliquis levothyrox xarelto pradaxa previscan coumadine sintrom lovenox innohep
    fragmine
    arixtra doliprane dafalgan efferalgan advil nurofen spasfon ixprim topalgic contramal
    skenan oxycontin oxynorm actiskenan durogesic lamaline acupan profenid ketoprofene voltarene
    celebrex augmentin clamoxyl orelox oroken rocephine ciflox oflocet tavanic bactrim flagyl
    zithromax rulid josacine pyostacine tazocilline tienam meronem vancomycine zyvoxid fosfocine
    monuril furadantine fungizone triflucan tamiflu zelitrex valtrex zovirax lasilix burinex
    aldactone soludactone esidrex cotareg coaprovel aprovel tareg atacand cozaar micardis
    coversyl triatec renitec lopril zestril amlor norvasc loxen adalate tenormine detensiel
    kredex nebilox sectral avlocardyl cordarone multaq flecaine rythmol digoxine hemigoxine
    tahor crestor elisor zocor ezetrol inegy liptruzet praluent repatha plavix efient brilique
    aspegic aspirine metformine glucophage stagid diamicron amarel novonorm januvia janumet galvus
    eucreas xelevia jardiance forxiga invokana ozempic trulicity victoza saxenda mounjaro byetta
    lantus toujeo levemir tresiba abasaglar novorapid humalog apidra fiasp actrapid insulatard
    umuline mixtard humira enbrel remicade simponi cimzia stelara cosentyx taltz tremfya skyrizi
    entyvio rituxan mabthera keytruda opdivo herceptin avastin erbitux tecentriq imfinzi yervoy
    methotrexate novatrex imurel cellcept neoral sandimmun prograf advagraf certican rapamune
    cortancyl solupred medrol solumedrol celestene hydrocortisone dexamethasone kenacort
    ventoline bricanyl seretide symbicort innovair spiriva ultibro anoro trelegy relvar flixotide
    pulmicort singulair aerius xyzal zyrtec clarityne polaramine atarax
    inexium mopral lanzor ogast pariet eupantol inipomp gaviscon maalox smecta imodium tiorfan
    forlax movicol duphalac transipeg microlax motilium primperan vogalene zophren
    xanax lexomil temesta seresta valium rivotril lysanxia stilnox imovane noctamide havlane
    deroxat seroplex prozac zoloft effexor cymbalta norset laroxyl anafranil athymil
    haldol risperdal zyprexa abilify solian tercian loxapac leponex xeroquel theralithe depakote
    depakine tegretol trileptal lamictal keppra neurontin lyrica urbanyl epitomax
    modopar sinemet stalevo requip sifrol azilect mantadix exelon aricept reminyl ebixa
    levocarnil tardyferon timoferol ferograd venofer ferinject speciafoldine uvedose zymad
    calcidose cacit orocal eductyl kayexalate resikali diffu-k kaleorid
    furosemide bisoprolol ramipril amlodipine atorvastatine rosuvastatine apixaban
    rivaroxaban dabigatran warfarine fluindione enoxaparine heparine paracetamol ibuprofene
    tramadol morphine oxycodone amoxicilline ceftriaxone cefotaxime levofloxacine ciprofloxacine
    metronidazole doxycycline azithromycine clarithromycine cotrimoxazole
    levothyroxine omeprazole esomeprazole pantoprazole lansoprazole rabeprazole prednisone
    prednisolone insuline insulin cortisone allopurinol colchicine febuxostat zyloric adenuric
    viagra cialis xatral omix josir avodart chibro-proscar eligard decapeptyl zoladex
    nolvadex arimidex femara aromasine casodex xtandi zytiga
    biseptine betadine dakin bepanthen cicalfate diprosone dermoval tridesonit locoid
    euthyral cynomel neomercazole basdene propylthiouracile
    bétadine fucidine auréomycine mupiderm
    covid covid-19 sars-cov-2 omicron delta hiv vih vhb vhc hbv hcv cmv ebv hsv vzv rsv vrs
    pfizer biontech moderna astrazeneca novavax sanofi servier novartis msd gsk
    glaxosmithkline boehringer ingelheim amgen biogen abbvie teva mylan viatris sandoz biogaran
    zentiva upsa ipsen medtronic dexcom insulet omnipod minimed ypsomed fresenius olympus medela
    comirnaty spikevax vaxzevria nuvaxovid jcovden gardasil prevenar pneumovax boostrix repevax
    infanrix hexyon priorix rorvac engerix twinrix fluarix vaxigrip influvac efluelda shingrix
    """
)

# Makers of pacemakers, defibrillators, pumps, sensors and prostheses, several of them a person's
# name too ("PM Boston", "capteur Abbott", "DAI Sorin"): never a name alone, but unlike the drugs
# (and the makers listed with them: Medtronic, Dexcom) a title makes one ("Dr Abbott").
MAKERS: Final = _words(
    """
    boston abbott sorin biotronik livanova microport vitatron stryker
    """
)

# Clinicians' clipped drug and lab-test names that a name list also holds ("Genta": gentamicin,
# "Aldo": aldosterone, "Mag": magnesium, "Tazo", "Mero", "Rifa", "Salbu", "Aza", "Crea"): alone
# they are the drug or the test, never a lone first name or surname ("Genta chez pt de 120kg",
# "Aldo/rénine", "Mag sulfate started"); a title, an announcing word, an age or a neighbouring
# name still makes one a person's ("M. Genta", "chez Aldo", "Aldo, 45 ans", "Aldo Rossi").
CLIPPED: Final = _words(
    """
    genta aldo mag tazo mero rifa salbu aza crea
    """
)

# The endings of international drug names (INN stems), French and English spellings: a word
# with one of them and none of the name lists is a drug ("prednisolone", "bisoprolol").
DRUG_ENDINGS: Final = tuple(
    _words(
        """
        sone solone olol pril prilat sartan dipine statine statin prazole mab nib tinib cilline
        cillin mycine mycin floxacine floxacin cycline azole conazole vir parine parin xaban
        gatran gliptine gliptin gliflozine gliflozin glutide semide thiazide tiazide lukast
        triptan setron profene profen azepam zolam barbital tidine oxetine apine idone
        """
    )
)

# The species of germs written after the initial of their genus ("C. diff", "E coli", "S.
# aureus", "H. pylori"): the initial is the genus, never a person's.
GERM_SPECIES: Final = _words(
    """
    diff difficile coli aureus epidermidis haemolyticus saprophyticus lugdunensis pneumoniae
    pyogenes agalactiae mitis viridans faecalis faecium aeruginosa pylori influenzae
    parainfluenzae gonorrhoeae meningitidis tuberculosis bovis avium leprae abscessus
    monocytogenes pallidum burgdorferi trachomatis genitalium hominis vaginalis albicans
    glabrata auris krusei fumigatus neoformans jirovecii carinii gondii falciparum vivax ovale
    malariae typhi paratyphi typhimurium enteritidis jejuni cholerae perfringens botulinum
    tetani diphtheriae pertussis cloacae aerogenes marcescens baumannii maltophilia cepacia
    fragilis mirabilis vulgaris oxytoca morganii freundii acnes lamblia intestinalis
    histolytica scabiei capitis pubis granulomatis ducreyi henselae quintana burnetii
    rickettsii conorii anthracis cereus subtilis catarrhalis kingae corrodens multocida
    """
)

# Clinical abbreviations written in capitals that a surname list also holds: after an announcing
# word they are the patient's condition or a route ("chez OH": an alcoholic; "IM":
# intramuscular), never a name.
CLINICAL_CAPS: Final = _words(
    """
    oh im
    """
)

# Routes of administration written in capitals that a surname list also holds ("IM":
# intramuscular, "VO": voie orale): after a capitalised word they name how a drug is given
# ("Loxapine IM", "Olanzapine IM"), never the surname of a first name.
ROUTES: Final = _words(
    """
    im vo
    """
)

# Capitalised words of clinical notes and messages that are never names, also the acronyms of
# units, syndromes and scores ("ICU CT", "pt SDRA", "IRA KDIGO 3") and clinical shorthand
# ("chez prema": a premature baby).
CLINICAL: Final = _words(
    """
    atcd antecedents hta diabete dt1 dt2 dnid did irc irca irm tdm ecg ett eto nfs crp pct bnp
    inr tca tp ta fc fr spo2 sat ldh cpk asat alat ggt pal hba1c tsh t4 t3 psa ace ca125 vs
    avc ait idm sca fa flutter tvp ep bpco oap ic insuffisance sep sla pr hbp
    rea usi usic sau samu smur ehpad ssr hdj hdс cs ide as med sf sfar has ansm
    bonjour bonsoir merci salut cordialement question avis urgent svp besoin aide
    ok oui non peut-etre
    traitement examen bilan evolution conclusion diagnostic histoire motif antecedent allergie
    allergies mode vie clinique biologie imagerie conduite tenir suivi sortie entree
    hospitalisation
    chirurgie consultation compte rendu courrier ordonnance prescription protocole
    douleur fievre toux dyspnee asthenie nausees vomissements diarrhee constipation
    madame monsieur docteur professeur
    hopital chu chr ch aphp ap-hp service unite pole departement
    siret siren finess rpps adeli ameli cpam mutuelle
    france paris lyon marseille
    dear hi hello thanks regards quick help need advice
    palmar palmaire plantar plantaire spiro pasi scorad dlqi basdai mmse moca iadl adl
    tel telephone fax portable mobile gsm
    confrere confreres consoeur consoeurs consœur consœurs collegue collegues colleague
    colleagues secretaire secretaires
    icu picu ccu hdu itu sdra ards sirs sdmv kdigo nihss qsofa sofa apache saps ecog
    prema premas
    """
)

# Countries, regions and large cities: places, not people (a city alone is not an identifier).
COMMON_PLACES: Final = _words(
    """
    mali martinique guadeloupe guyane reunion mayotte maroc algerie tunisie senegal cameroun
    chine inde italie espagne portugal allemagne belgique suisse angleterre irlande turquie
    bresil mexique canada quebec afrique asie europe amerique haiti comores madagascar congo
    egypte israel liban syrie iran irak russie ukraine pologne roumanie japon vietnam thailande
    corse bretagne normandie alsace provence paris lyon marseille toulouse nice nantes
    strasbourg montpellier bordeaux lille rennes reims toulon grenoble dijon angers nimes
    london england france germany spain italy africa asia america india china japan mexico
    brazil texas florida california georgia virginia carolina jordan chelsea
    """
)


# French prefectures and large towns: places. Used by the word-list build so that no town joins
# the international first names ("Lille", "Metz", "Pau"); long-known first names stay ("Nancy").
CITIES: Final = _words(
    """
    paris marseille lyon toulouse nice nantes montpellier strasbourg bordeaux lille rennes
    reims toulon grenoble dijon angers nimes villeurbanne clermont-ferrand aix-en-provence
    brest tours amiens limoges annecy perpignan boulogne-billancourt metz besancon orleans
    rouen mulhouse caen nancy argenteuil montreuil roubaix tourcoing avignon nanterre poitiers
    versailles creteil pau colombes la-rochelle calais cannes antibes beziers saint-denis
    saint-etienne ajaccio bastia colmar valence quimper troyes lorient vannes chambery niort
    la-roche-sur-yon laval le-mans lens douai dunkerque arras beauvais compiegne chartres
    evreux cherbourg alencon saint-lo bourges chateauroux blois auxerre nevers macon
    bourg-en-bresse gap digne privas mende rodez albi cahors agen montauban tarbes auch foix
    carcassonne mont-de-marsan perigueux angouleme gueret tulle aurillac le-puy vesoul
    lons-le-saunier belfort epinal bar-le-duc chaumont charleville-mezieres chalons laon
    saint-brieuc cayenne fort-de-france pointe-a-pitre basse-terre saint-pierre mamoudzou
    bobigny pontoise evry melun meaux cergy vincennes ivry vitry clichy pantin bondy sarcelles
    massy
    """
)


# Peoples, nationalities and languages, in English and French (both genders): adjectives
# ("Irish GP here", "patiente Marocaine"), never a name on their own, even when a name list holds
# them ("Irish", "English", "French").
PEOPLES: Final = _words(
    """
    english french german spanish italian portuguese dutch polish russian chinese japanese
    korean arabic arab turkish greek swedish norwegian danish finnish irish scottish welsh
    british american canadian mexican brazilian african european asian indian pakistani bengali
    hindi urdu persian hebrew jewish muslim catholic protestant swiss belgian austrian
    hungarian czech slovak romanian bulgarian serbian croatian bosnian albanian ukrainian latin
    creole tamil thai vietnamese filipino malay indonesian somali ethiopian nigerian moroccan
    algerian tunisian egyptian lebanese syrian iraqi iranian afghan kurdish armenian georgian
    haitian cuban jamaican australian maori gaelic catalan basque breton corsican flemish
    walloon occitan yiddish swahili amharic berber kabyle wolof lingala mandarin cantonese
    punjabi gujarati sinhalese nepali burmese khmer lao mongolian kazakh uzbek chechen tatar
    anglais francais allemand espagnol italien portugais arabe chinois russe turc polonais
    roumain africain europeen asiatique americain
    scots maltese cypriot icelandic estonian latvian lithuanian slovenian macedonian
    montenegrin belarusian moldovan kazakhstani chilean peruvian colombian venezuelan
    argentinian argentine bolivian ecuadorian uruguayan paraguayan guatemalan
    honduran salvadoran nicaraguan panamanian trinidadian barbadian bahamian
    taiwanese cambodian laotian bangladeshi malaysian singaporean
    senegalese malian ivorian ghanaian cameroonian congolese gabonese guinean beninese togolese
    burkinabe nigerien mauritanian sudanese eritrean kenyan ugandan tanzanian rwandan burundian
    angolan mozambican zambian zimbabwean malawian namibian botswanan malagasy mauritian
    comorian libyan jordanian palestinian saudi yemeni omani emirati qatari kuwaiti bahraini
    israeli dagestani uyghur tibetan romani gypsy inuit
    aboriginal
    irlandais irlandaise ecossais ecossaise gallois galloise anglaise francaise allemande
    espagnole italienne portugaise polonaise roumaine russes chinoise japonais japonaise
    coreen coreenne vietnamien vietnamienne cambodgien cambodgienne laotien laotienne
    thailandais thailandaise indien indienne pakistanais pakistanaise bangladais bangladaise
    sri-lankais sri-lankaise afghane iranien iranienne irakien irakienne syrien syrienne
    libanais libanaise jordanien jordanienne palestinien palestinienne israelien israelienne
    turque kurde armenien armenienne georgien georgienne tchetchene ukrainien ukrainienne
    bielorusse moldave bulgare serbe croate bosniaque albanais albanaise kosovar grec grecque
    hongrois hongroise tcheque slovaque slovene autrichien autrichienne suisse suisses belge
    belges neerlandais neerlandaise hollandais hollandaise luxembourgeois luxembourgeoise
    danois danoise suedois suedoise norvegien norvegienne finlandais finlandaise islandais
    islandaise britannique britanniques americaine canadien canadienne quebecois quebecoise
    mexicain mexicaine bresilien bresilienne argentin chilien chilienne peruvien
    peruvienne colombien colombienne venezuelien venezuelienne cubain cubaine haitien
    haitienne dominicain dominicaine jamaicain jamaicaine antillais antillaise guyanais
    guyanaise martiniquais martiniquaise guadeloupeen guadeloupeenne reunionnais reunionnaise
    mahorais mahoraise comorien comorienne malgache malgaches mauricien mauricienne
    caledonien caledonienne polynesien polynesienne tahitien tahitienne corse corses
    bretonne alsacien alsacienne basques catalane occitane
    marocain marocaine algerien algerienne tunisien tunisienne libyen libyenne egyptien
    egyptienne soudanais soudanaise ethiopien ethiopienne erythreen erythreenne somalien
    somalienne djiboutien djiboutienne kenyane senegalais senegalaise malien
    malienne mauritanien mauritanienne guineen guineenne ivoirien ivoirienne
    nigerienne nigeriane tchadien tchadienne camerounais camerounaise
    gabonais gabonaise congolais congolaise centrafricain centrafricaine togolais togolaise
    beninois beninoise ghaneen ghaneenne rwandais rwandaise burundais burundaise angolais
    angolaise zairois zairoise kabyles berbere berberes amazigh maghrebin maghrebine
    africaine europeenne asiatiques arabes
    gitan gitane tsigane tzigane manouche
    mediterranean mediterraneen mediterraneenne mediterraneens mediterraneennes maghrebins
    maghrebines caucasian caucasien caucasienne caucasiens caucasiennes ashkenazi ashkenaze
    ashkenazes sephardic sefarade sefarades hispanic hispanique latino mestizo metis metisse
    antillean levantine slavic nordic scandinavian subsaharien subsaharienne sub-saharan
    afro-caribbean afro-american afro-americain afro-americaine
    """
)

# The world's countries in English and in French, regions and peoples: capitalised and listed as
# surnames or first names too ("English", "Switzerland", "Kenya"; "Salinas" is not one): a lone
# one of them is never taken as a surname, nor as a first name unless used as a person. Left out:
# the countries that are common first names ("Maurice", "Dominique", "Marshall", "Solomon").
NATIONS: Final = (
    _words(
        """
    afghanistan albania algeria andorra angola anguilla antarctica argentina armenia aruba
    australia austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin
    bermuda bhutan bolivia botswana brazil brunei bulgaria burundi cambodia cameroon canada chad
    chile china colombia comoros croatia cuba curacao cyprus denmark djibouti dominica ecuador
    egypt eritrea estonia ethiopia fiji finland france gabon gambia georgia germany ghana
    gibraltar greece greenland grenada guadeloupe guam guatemala guernsey guinea guyana haiti
    honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jersey
    jordan kazakhstan kenya kiribati kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
    liechtenstein lithuania luxembourg macau madagascar malawi malaysia maldives mali malta
    martinique mauritania mauritius mayotte mexico micronesia moldova monaco mongolia montenegro
    montserrat morocco mozambique namibia nauru nepal netherlands nicaragua niger nigeria niue
    norway oman pakistan palau palestine panama paraguay peru philippines pitcairn poland
    portugal qatar reunion romania russia rwanda senegal serbia seychelles singapore slovakia
    slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
    thailand togo tokelau tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay
    uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
    emirates barbuda samoa bosnia herzegovina burkina faso congo ivoire rica verde caledonia
    polynesia zealand arabia macedonia myanmar burma lanka salvador sahara timor tobago trinidad
    eswatini swaziland britain scotland wales england kosovo tibet kurdistan siberia caribbean
    europe africa asia america oceania scandinavia balkans
    antigua czechia dominican bissau guinea-bissau korea holland papua kitts nevis grenadines
    principe vatican usa uk sierra-leone timor-leste cabo-verde
    afrique-du-sud albanie algerie allemagne andorre arabie arabie-saoudite saoudite armenie
    australie autriche azerbaidjan bahrein barbade belgique bielorussie bhoutan birmanie bolivie
    bosnie bosnie-herzegovine herzegovine bresil bulgarie burkina-faso cambodge cameroun cap-vert
    centrafrique chili chine chypre colombie comores coree costa-rica cote-d'ivoire d'ivoire
    croatie danemark egypte emirats equateur erythree espagne estonie etats-unis ethiopie fidji
    finlande gambie georgie grece grenade guinee guinee-bissau guinee-equatoriale hongrie inde
    indonesie irak irlande islande italie jamaique japon jordanie kirghizistan koweit lettonie
    liban libye lituanie macedoine malaisie malte mauritanie mexique micronesie moldavie mongolie
    namibie norvege nouvelle-zelande zelande nouvelle-caledonie caledonie ouganda ouzbekistan
    palaos papouasie pays-bas perou pologne roumanie royaume-uni russie serbie singapour
    slovaquie slovenie somalie soudan sri-lanka suede syrie tadjikistan tanzanie tchad tchequie
    thailande trinite-et-tobago tunisie turquie zambie polynesie tahiti guyane
    """
    )
    | PEOPLES
)


# Words after a surname that make it an eponym ("Snell score", "Murphy sign").
EPONYM_HEADS: Final = _words(
    """
    score scores sign signs syndrome disease test tests maneuver manoeuvre classification
    criteria scale index procedure operation fracture reflex ring technique law effect
    phenomenon stage grade type triad formula equation method approach incision position
    """
)

# Hospitals named after people, written alone ("transféré à Necker", "seen at Hopkins"): the
# weak name rules (a lone surname, two unknown words, a list) never take them for a person.
HOSPITALS: Final = _words(
    """
    necker bichat cochin tenon lariboisiere beaujon bicetre pompidou mondor foch percy begin
    rothschild curie roussy salpetriere pitie trousseau debre avicenne verdier mourier beclere
    bretonneau pellegrin purpan rangueil timone lapeyronie herriot pontchaillou hautepierre
    montsouris broussais boucicaut laennec michallon brousse poincare pare garches
    hopkins mayo sinai bellevue cedars kaiser permanente langone brigham presbyterian
    """
)
