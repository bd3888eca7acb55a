package io.attune.core.crisis;

/**
 * The standard phrase book: the crisis-indicating phrases of RULES.md §14.3 (C-SSRS item wording,
 * NIMH warning signs, suicide-prevention coalition lists) written as patterns. Recall first: a
 * phrase that may be crisis language is crisis or review, never nothing. Kept as a Java constant
 * because the core reads no files; {@link PhraseBook#parse(String)} takes any other book as text.
 */
final class CrisisPhrases {
    private CrisisPhrases() {
    }

    static final String TEXT = """
            # ---------------------------------------------------------------- vocabulary
            forms be: am is are was were been being
            forms have: has had having ve
            forms do: does did doing done
            forms go: goes went gone going
            forms take: takes took taken taking
            forms die: dies died dying
            forms buy: buys bought buying
            forms write: writes wrote written writing
            forms get: gets got gotten getting
            forms make: makes made making
            forms give: gives gave given giving
            forms feel: feels felt feeling
            forms think: thinks thought thinking
            forms cut: cuts cutting
            forms hurt: hurts hurting
            forms burn: burns burned burnt burning
            forms keep: keeps kept keeping
            forms say: says said saying
            forms tell: tells told telling
            forms shoot: shoots shot shooting
            forms hang: hangs hanged hung hanging
            forms hit: hits hitting
            forms beat: beats beaten beating
            forms find: finds found finding
            forms put: puts putting
            forms set: sets setting
            forms know: knows knew known knowing
            forms swallow: swallows swallowed swallowing
            forms drink: drinks drank drunk drinking
            forms choke: chokes choked choking
            forms stab: stabs stabbed stabbing
            forms leave: leaves left leaving
            forms let: lets letting
            forms wish: wishes wished wishing
            forms pray: prays prayed praying
            forms overdose: overdoses overdosed overdosing
            forms seize: seizes seized seizing
            forms fight: fights fought fighting
            forms deserve: deserves deserved deserving

            # real words one typing slip away from a crisis word; never read as misspellings
            real: overdoing overdone overdoes overdo amusing amused killer filling willing billing tripped
            real: wrapped washing loving bitter batter hunting sizing stooped shouting singing shipping
            real: response responses thanking hanging heating

            # contractions without apostrophes, texting, common misspellings
            spell dont: do not
            spell doesnt: does not
            spell didnt: did not
            spell cant: can not
            spell cannot: can not
            spell wont: will not
            spell isnt: is not
            spell wasnt: was not
            spell arent: are not
            spell werent: were not
            spell havent: have not
            spell hasnt: has not
            spell hadnt: had not
            spell wouldnt: would not
            spell couldnt: could not
            spell shouldnt: should not
            spell aint: is not
            spell im: i am
            spell ive: i have
            spell youre: you are
            spell theyre: they are
            spell thats: that is
            spell theres: there is
            spell whats: what is
            spell shes: she is
            spell hes: he is
            spell theyd: they would
            spell youd: you would
            spell itll: it will
            spell theyll: they will
            spell wanna: want to
            spell wana: want to
            spell wnna: want to
            spell gonna: going to
            spell gunna: going to
            spell finna: going to
            spell gotta: got to
            spell imma: i am going to
            spell ima: i am going to
            spell tryna: trying to
            spell dunno: do not know
            spell idc: i do not care
            spell u: you
            spell ur: your
            spell r: are
            spell b: be
            spell 2: to
            spell 4: for
            spell n: and
            spell bc: because
            spell bcuz: because
            spell cuz: because
            spell pls: please
            spell plz: please
            spell rn: right now
            spell tn: tonight
            spell tonite: tonight
            spell 2nite: tonight
            spell bout: about
            spell abt: about
            spell tho: though
            spell nemore: anymore
            spell anymor: anymore
            spell nomore: no more
            spell nothin: nothing
            spell nuthin: nothing
            spell nothng: nothing
            spell kms: kill myself
            spell kys: kill yourself
            spell ded: dead
            spell wnat: want
            spell wnt: want
            spell wan: want
            spell kil: kill
            spell kll: kill
            spell myslf: myself
            spell mysef: myself
            spell sucide: suicide
            spell suside: suicide
            spell suiside: suicide
            spell suicid: suicide
            spell sucidal: suicidal
            spell suicidle: suicidal
            spell suisidal: suicidal
            spell sucicidal: suicidal
            spell suicidial: suicidal
            spell selfharm: self harm
            spell selfharming: self harming
            spell selfharmed: self harmed
            spell dissapear: disappear
            spell dissappear: disappear
            spell disapear: disappear
            spell pils: pills
            spell overdoze: overdose
            spell od'd: overdosed
            spell od'ed: overdosed
            spell oded: overdosed
            spell bf: boyfriend
            spell gf: girlfriend
            spell sis: sister
            spell bro: brother
            spell pt: patient
            spell hx: history
            spell 13yo: teen
            spell 14yo: teen
            spell 15yo: teen
            spell 16yo: teen
            spell 17yo: teen

            # ---------------------------------------------------------------- classes
            class kin: son | sons | daughter | daughters | parents | siblings | brothers | sisters | grandparents | husband | wife | partner | boyfriend | girlfriend | brother | sister | mom | mother | mum | dad | father | stepdad | stepmom | stepfather | stepmother | kid | kids | child | children | teen | teenager | grandson | granddaughter | grandma | grandpa | grandmother | grandfather | uncle | aunt | cousin | niece | nephew | friend | friends | roommate | fiance | fiancee | ex | spouse | baby | family | client | patient | student | employee | coworker | neighbor
            class first: i | me | my | myself | mine | we | us | our | ourselves
            class third: he | him | his | himself | she | her | hers | herself | they | them | their | themselves | themself | @kin
            class subject: i | you | he | she | they | we
            class negator: not | never | no | nobody | denies | deny | denied | denying | without | nor | neither
            class not-negating: stop | help | wait | only | even | just
            class clause: and | but | so | because | though | although | however | yet | then | lol | lmao | tbh | fr | smh | idk | please | anyway
            class history: history | years ago | year ago | months ago | decades ago | last year | used to | in the past | as a teen | as a teenager | as a kid | as a child | as a young | when i was # | when i was a | when i was younger | when i was little | in #year | back in | prior | previous | previously | years back | in remission
            class current: again | still | lately | recently | now | tonight | today | currently | right now | this week | these days | anymore | tomorrow | this morning | last night | yesterday
            class anymore: anymore | any more | any longer | no more | no longer | these days
            slot self: myself | himself | herself | themselves | themself | yourself | ourselves | my self | him self | her self | them selves | them self | your self
            slot obj: me | him | her | them | us | you
            slot poss: my | his | her | their | our | your
            slot victim: me | him | her | them | us | my @kin | my little @kin | my younger @kin | my older @kin | my baby @kin | our @kin | the kids | his @kin | her @kin
            class pills: pills | pill | meds | medication | medications | medicine | tablets | sleeping pills | sleeping tablets | pain pills | pain meds | painkillers | pain killers | xanax | tylenol | advil | ibuprofen | acetaminophen | aspirin | oxy | oxys | oxycodone | percs | percocet | benzos | klonopin | ativan | valium | ambien | seroquel | trazodone | sertraline | zoloft | prozac | lexapro | wellbutrin | lithium | insulin | antidepressants | prescriptions | prescription | opioids | fentanyl | heroin | gabapentin | tramadol | vicodin | norco | adderall | sleep aids | bars
            class drugs: @pills | something | drugs | dope | fent | coke | cocaine | meth
            class gun: gun | guns | a gun | firearm | pistol | rifle | shotgun | handgun | revolver | my dad gun | his gun | my gun
            class whom: everyone | everybody | all | them | us | people | my family | the family | my @kin | his @kin | her @kin | our family | those around me | others
            class gone: gone | dead | not here | not around | no longer here | no longer around | died | die | dies | disappeared | disappear | out of the picture | out of the way
            class amount: all | all of | a bunch of | a handful of | a bottle of | a whole bottle of | the whole bottle of | half a bottle of | a whole bunch of | the rest of | a lot of | lots of | way too many | too many | too much | like #many | #many | # of
            class accident: lifting | playing | running | working | at the gym | skiing | exercising | falling | in a fall | slipping | shaving | cooking | chopping | by accident | accidentally | on the ice | on the stairs | at work | in practice | in a game | doing | trying | over | for
            class es-ideation: quiero morir | quiero morirme | me quiero morir | me quiero matar | quiero matarme | me voy a matar | voy a matarme | suicidarme | quitarme la vida | no quiero vivir | ganas de morir | no quiero seguir viviendo | no puedo mas
            class slang: unalive | unalived | unaliving | unalive myself | sewerslide | sewer slide | kms
            class over: end | be over | end forever | all end | stop forever
            class alive: live | exist | be alive | stay alive | keep living | go on living | be living | keep going | go on | be here
            class living: live | living | go on | going on | keep going | keep living | be here | be alive | stay alive | stay | exist | existing | wake up | get up | continue | carry on | life | anything | everything | try anymore
            class here: be here | be around | be alive | exist | be on this earth | be in this world | live
            class nobody: nobody | no one | noone | no body | who | not a soul
            class alive-ing: being alive | being here | it all | waking up | being me | everything and everyone | living like this
            class method: end | kill | die | do it | overdose | od | jump | hang | shoot | hurt | cut | take my life | take the pills | end it | end my life
            class farewell: everyone | everybody | all | you all | for good | forever | for the last time | my @kin | my friends | my dog | my cat | her friends | his friends | @poss @kin | the world | this world | life
            class where-unsafe: at home | here | in my house | in my home | in the house | in this house | to go home | going home | tonight | right now | anymore | there | with @victim | around @victim | near @victim | alone with @victim | at home with @victim | where i am | where i live | where i'm staying | in my own home
            class nonexist: not exist | not be alive | not be here | stop existing | cease to exist | cease existing | stop living | not wake up | disappear forever | be gone forever | not be around
            class cope-verb: take | handle | do | bear | stand | face | keep doing | keep going | keep living | keep fighting | deal with | cope with | live with | go through | survive
            class bodypart: arm | arms | wrist | wrists | leg | legs | thigh | thighs | skin | stomach | body | hands | hand | chest | hips
            class at-hand: in front of me | in my hand | in my hands | next to me | lined up | counted out | on the table
            class sentence-negator: denies | denied | deny | denying | negative for | ruled out | no evidence of

            # ---------------------------------------------------------------- ideation, direct
            crisis ideation_direct kill-self: kill|kills|killing|murder+|off|shoot|shoots|shooting|hang|hangs|hanging|drown+|poison+|stab+|suffocate+|electrocute+ @self
            crisis ideation_direct killed-self first-person: killed|shot|hanged|hung @self
            crisis ideation_direct blow-brains: blow+|blew ~1 @poss brains|head out|off
            crisis ideation_direct not-around-long: not ~3 be around|here|alive ~1 much|for ~1 longer|long
            crisis ideation_direct not-see-alive: not see @self ~1 alive|around|living
            crisis ideation_direct wake-wishing: wake+|woke ~5 wish+|wishing ~2 not|never|hadn't
            crisis ideation_direct end-life: end|ends|ending|take|takes|taking @poss [own] life|lives !back|around
            crisis ideation_direct ended-life first-person: took|taken|ended @poss [own] life|lives !back|around
            crisis ideation_direct end-it-all: end+ it|everything|things ~1 all|forever|tonight|good
            crisis ideation_direct end-it: want+|wanna|going|ready|about|of|plan+|planning|decided|decide+|should|gonna|might|could|will ~2 end+ it|things|this|everything $|now|tonight|today|soon|forever|already|once
            crisis ideation_direct want-it-over: want+|wish+|need+ it|everything [all] to @over
            crisis ideation_direct want-die: want+|wanna|wish+|ready|hope|hoping|deserve+|pray+|prepared|wanting|rather ~2 die|died|dead
            crisis ideation_direct hope-die-sleep: die|dying ~1 in @poss sleep
            crisis ideation_direct feel-like-dying: feel+ like dying|death
            crisis ideation_direct wish-dead: wish+|rather|should|better|prefer ~3 be|was|were|am dead !set|tired|serious|wrong|end
            crisis ideation_direct better-off-dead: better off ~3 dead|gone
            crisis ideation_direct never-born: wish+ ~3 never [been] born|existed
            crisis ideation_direct not-wake: want+|wish+|hope|pray+|sleep|asleep|rather|praying|hoping ~4 not|never wake [up] !early|before|at|on|to|for|so
            crisis ideation_direct cant-keep-safe: not ~3 keep @self safe
            crisis ideation_direct attempted-recently: attempted|attempt+ last|again|tonight|today|yesterday|this|earlier|$
            crisis ideation_direct dont-want-wake: not want+|wanna [to] wake [up] !early|before|at|for|so|on|to
            crisis ideation_direct not-care-wake: not care if|whether ~2 wake|live|die|survive|make|died|lived
            crisis ideation_direct sleep-forever: sleep forever
            crisis ideation_direct suicidal: be+|feel+|feeling|get+|become+|go+|so|very|really|actively|passively|been|am ~2 suicidal
            crisis ideation_direct suicidal-alone: ^ [very|so|really|feeling|actively|passively] suicidal $
            crisis ideation_direct suicidal-thoughts: suicidal thoughts|thought|ideation|feelings|feeling|urges|urge|tendencies|ideas|thinking|intent
            crisis ideation_direct si-clinical: endorse+|report+|passive|active|current|experiencing|positive|reporting|endorsing si
            crisis ideation_direct thinking-suicide: think+|thought|thoughts|talk+|consider+|considering|contemplating|contemplate+|obsessing|fantasize+|fantasizing|dream+ ~2 suicide|dying|suicidal
            crisis ideation_direct commit: commit+|attempt+|tried|try+|attempting|trying ~2 suicide
            crisis ideation_direct suicide-attempt: suicide attempt|attempts|try
            crisis ideation_direct tried-to: tried|try+|attempt+|attempted|trying ~1 to kill|end|hang|shoot|overdose|od|drown|poison|unalive
            crisis ideation_direct not-live: not|longer|never [really|even|honestly|truly|just] want+|wanna [to] @alive !in|with|near|at|there|here|on|alone|by|close|far|together|somewhere|where|a|the|my|through|to|vacation
            crisis ideation_direct not-sure-live: not sure|certain ~2 want+|wanna [to] @alive
            crisis hopelessness not-worth-living: not worth living
            crisis ideation_direct slang: @slang
            crisis ideation_direct not-exist: want+|wanna|wish+|rather|easier|better|just|prefer|pray+|hope ~3 @nonexist
            crisis ideation_direct spanish: @es-ideation
            crisis ideation_direct urge-die: urge|urges|impulse|impulses ~2 die|kill|end
            crisis ideation_direct someone-kill-me: want+|wish+|hope|need|pray+ ~2 someone|somebody|something|car|bus|truck|train|god ~2 kill+|hit|take me
            review ideation_direct suicide-bare: suicide|suicides|suicidal|suicidality
            review ideation_direct si-denied: denies|denied|deny|no|negative|without [for] si
            review ideation_direct death-thoughts: think+|thought|thoughts|obsess+ ~2 death|dying
            review ideation_direct kill-me: kill+ me|us
            review ideation_direct want-pain-stop: want+|wish+|need ~3 pain|it|this|everything|all [to] stop|end|be|over
            review ideation_direct i-am-dying: i|he|she be+ dying $
            review ideation_direct dead-inside: dead inside
            review ideation_direct called-hotline: call+|text+|contact+|reach+ ~2 988|741741|hotline|lifeline

            # ---------------------------------------------------------------- indirect, hopelessness
            crisis hopelessness better-without: better|happier|easier|fine ~1 without me
            crisis hopelessness better-when-gone: better|easier|happier|relieved|lighter ~4 when|if|after|once|since i|he|she ~1 @gone
            crisis hopelessness no-reason: no|zero|nothing|without [any] reason|reasons|purpose|point ~3 @living
            crisis hopelessness see-no-reason: not see|find|have|got|know ~2 reason|reasons|point|purpose [to|for|in|of] @living|trying|$
            crisis hopelessness nothing-to-live-for: nothing [left] to live for
            crisis hopelessness no-point: no point|purpose [in|to|of] @living|@anymore|trying|$
            crisis hopelessness no-future: not see|have|imagine ~1 a|any future !with|in|at|here|together
            crisis hopelessness cant-go-on: can|could not go|carry|keep on|going $|like|@anymore|living
            crisis hopelessness cant-continue: can|could not continue|live|survive|exist $|like|@anymore
            crisis hopelessness cant-take-it: can|could not @cope-verb it|this|life|living|anything ~1 @anymore|$
            crisis hopelessness whats-the-point: what be+ [even|really|honestly] the point [of|in] @living|@anymore|$
            crisis hopelessness better-without-them: world|everyone|everybody|family|they|we|kids|people|everything ~3 better|happier|easier ~2 without @obj
            crisis hopelessness give-up-on-life: give+ up on life|living|myself
            crisis hopelessness no-meaning: life|living|existence ~2 no meaning|purpose|point|reason
            crisis hopelessness nothing-left: nothing|nobody|noone left for me
            crisis hopelessness no-one-left: no one left for me
            crisis hopelessness just-want-out: just|really want+ out !of
            crisis hopelessness want-out-end: want+|wanna out $
            crisis hopelessness no-way-out: no|never way|escape out
            crisis hopelessness see-way-out: see|find|is|be|need ~1 a|any way out !of
            crisis hopelessness no-way-forward: not see|find|have ~1 a|any way forward|through
            crisis hopelessness trapped: feel+|be+|so|completely|totally ~2 trapped !in|at|with|by|into
            crisis hopelessness unbearable: pain|hurt|hurting|suffering|this|it|life ~3 unbearable|unbearably|unendurable
            crisis hopelessness pain-never-stops: pain|hurt|suffering ~2 never stop|end|ends|stops|go
            crisis hopelessness unbearable-pain: unbearable pain|suffering|hurt
            crisis hopelessness unless-i-do-something: unless i do something
            crisis hopelessness burden: i|he|she|feel+|being ~4 a|such|the|just|only burden !of
            crisis hopelessness burden-to: burden to|on|for ~2 @whom
            crisis hopelessness not-be-here: not|longer [really|even|just] want+|wanna [to] @here ~1 @anymore
            crisis hopelessness who-cares: @nobody cares|care|would|will ~2 if|when i|he|she ~1 @gone
            crisis hopelessness nobody-miss: @nobody would|will|even ~1 miss|notice|care me|$|if|when
            crisis hopelessness tired-of-life: tired|done|sick|exhausted|finished of|with living|life|existing|breathing
            crisis hopelessness tired-of-it-all: tired|done|sick|exhausted|finished of|with @alive-ing
            crisis hopelessness disappear-forever: disappear+ forever|permanently
            crisis hopelessness disappear-never: disappear+ ~1 never come|return|be
            review hopelessness hopeless: hopeless|hopelessness|worthless|helpless
            review hopelessness pointless: everything|life|living|it|nothing ~2 pointless|meaningless|matters
            review hopelessness give-up: give+ up ~2 everything|myself|$
            review hopelessness not-okay: i be+ not ok|okay|alright|fine $|and|at
            review ideation_direct own-funeral: @poss own funeral
            review hopelessness end-of-rope: end of @poss rope
            review hopelessness never-better: nothing|never ~4 get|be better|change|improve
            review hopelessness done-trying: done|tired|finished ~1 trying|fighting
            review hopelessness see-no-point: not see ~2 point|purpose
            review hopelessness whats-the-point-any: what be+ the point
            review hopelessness dark: dark thoughts|thought|place|places|times|mind
            review hopelessness disappear: want+|wish+|wanna|like ~3 disappear+|vanish|fade
            review hopelessness better-without-third: better|happier|easier ~1 without him|her|them
            review hopelessness trapped-any: trapped
            review hopelessness no-point-any: no point
            review hopelessness not-here: not want+|wanna [to] be here $

            # ---------------------------------------------------------------- plan, means, preparation
            crisis plan_means have-plan: have+|got|made|make+|figured|came ~2 a|the|my plan $|already|ready|now
            crisis plan_means have-plan-to: have+|got|made|make+|figured|came ~2 a|the|my plan to|for ~2 @method
            crisis plan_means figured-how: figure+|figured|decide+|decided|plan+|planned|know|knows|picked|chose|chosen ~1 how|where|when|which ~4 @method
            crisis plan_means how-to-end: how|way|ways to end+|kill ~1 it|things|@self|everything|life !with|between
            crisis plan_means stockpile: stockpile+|hoard+|stash+|collect+ ~4 @pills
            crisis plan_means save-pills: save+ [up] [@poss] @pills
            crisis plan_means hide-meds-enough: hide+|hid|hiding|hoard+|saving|skipping|not ~4 @pills ~6 have|got|get ~1 enough
            crisis plan_means pills-at-hand: @pills @at-hand
            crisis plan_means engine-running: engine|car ~2 running ~4 garage|closed
            crisis plan_means garage-engine: garage ~4 engine|car ~2 running
            crisis plan_means giving-things-away: give+ @poss ~4 away $|to
            crisis plan_means everything-i-need: have+|got ~1 everything|all i need to do|end it|this|things
            crisis plan_means going-to-jump: going|about|want+|ready|gonna ~2 jump $|now|tonight
            crisis plan_means gave-pet: give+|rehome+ @poss dog|cat|pets|pet|things|stuff|belongings|guitar|car to|away
            crisis plan_means pills-saved: @pills saved|stockpiled|stashed|hoarded|collected
            crisis plan_means gun: buy+|bought|got|get+|have|has|had|own+|keep+|carry+|load+|loaded|purchase+|took|grabbed|holding|found ~2 @gun !license|permit|permits|safety|safe|safes|lock|locks|class|range|store|shop|show|club|owner|laws|violence|control|licence
            crisis plan_means gun-to-head: gun|pistol ~2 to|against @poss head|mouth|chest
            crisis plan_means note: suicide|goodbye|farewell note|notes|letter|letters|message|messages|video
            crisis plan_means wrote-note: wrote|write+|written|left|leave+|writing ~2 note|notes|letter|letters for|to [my|his|her|our] @kin|everyone|everybody|them !teacher|teachers|school|doctor|coach|landlord|boss|insurance
            crisis plan_means last-message: this|these be+|will ~2 my last message|text|goodbye|words|post|email|letter
            crisis plan_means last-time-hear: last time ~3 hear|hears|heard from me
            crisis plan_means giving-away: give+ ~1 away [all] [@poss] things|stuff|belongings|possessions|pets|dog|cat|clothes|games|jewelry|guitar|everything
            crisis plan_means giving-away-after: give+ @poss things|stuff|belongings|possessions|dog|cat away
            crisis plan_means who-gets: who|which gets|get|should|will|would ~2 @poss things|stuff|belongings|dog|cat|money
            crisis plan_means affairs: put+|putting|get+|getting|have|set+|setting ~1 @poss affairs ~1 in order
            crisis plan_means saying-goodbye: say+|said|saying goodbye|goodbyes [to] @farewell|$
            crisis plan_means my-goodbyes: say+|said|saying @poss goodbyes|goodbye|farewells|farewell
            crisis plan_means drive-off: going|want+|wanna|will|think+|thinking|might|could|planning|plan+|urge|urges ~3 drive+|crash+|swerve+|steer+ ~3 off|into ~2 road|bridge|cliff|tree|wall|traffic|oncoming|river|lake|pole|truck
            crisis plan_means overdose-intent first-person: going|want+|wanna|will|plan+|planning|thinking|gonna|might|about|ready ~2 overdose+|od
            crisis plan_means take-all-pills: going|want+|wanna|will|about|ready|planning|plan|thinking ~2 take+|swallow+|down ~1 @amount [@poss] @pills
            crisis plan_means how-many: how many|much @pills|@drugs|of ~4 kill|die|overdose|od|lethal|fatal|deadly|enough
            crisis plan_means how-many-take: how many|much @pills|@drugs ~3 would|will|does|to take|kill|do
            crisis plan_means lethal-dose: lethal|fatal|deadly dose|amount|overdose
            crisis plan_means jump: jump+|throw+ [@self] off|from|in|into ~3 bridge|building|roof|overpass|balcony|cliff|train|bus|car|truck|traffic|window|river
            crisis plan_means bridge-jump: bridge|building|roof|overpass|cliff|balcony ~6 jump+ off|from
            crisis plan_means front-of-train: walk+|step+|lie|lay|throw+|jump+ ~2 front|onto ~2 train|bus|truck|traffic|tracks
            crisis plan_means rope: have|got|bought|tied|made|tie|tying|make|making|ready ~2 rope|noose
            crisis plan_means noose: noose|nooses
            crisis plan_means research-method: research+|researching|looked|looking|googled|googling|searched|searching|read ~3 how|ways|methods|way ~1 to ~1 die|kill|end|overdose|od|hang
            review plan_means will: make+|made|wrote|write+|writing|updated|update+ ~1 a|my will
            review plan_means picked-date: already picked|chose|chosen|set|decided ~1 the|a date|day
            review plan_means goodbye: say+|said|saying goodbye|goodbyes
            review plan_means do-it-tonight: going|gonna ~2 do it $|tonight|now
            review plan_means the-night: tonight be+ the night
            review plan_means overdose-history: history|prior|previous|past|nonfatal ~1 overdose|overdoses|ods|od

            # ---------------------------------------------------------------- self-harm
            crisis self_harm hurt-self: hurt+|harm+|injure+|punish+|cut+|burn+|scratch+|hit+|stab+|carve+|bruise+|starve+|punch+|bang+|slice+ @self !@accident
            crisis self_harm self-harm: self harm+|injur+|injury|mutilate+|mutilation|harming|harmed|inflicted
            crisis self_harm hurt-body: cut+|burn+|scratch+|carve+|slice+ @poss @bodypart !@accident|on|while|when
            crisis self_harm do-something: do+|done ~1 something|anything ~1 to @self
            crisis self_harm cutting: been|start+|started|keep+|be+|caught|stop|stopped|is|was|keeps|again ~2 cutting !back|down|out|off|up|class|classes|school|ties|corners|costs|hours|carbs|sugar|grass|hair|in|through|it|the|coupons|my|his|her|their|our|a|an|wood|paper|lines|weight|calories|fabric
            crisis self_harm cutting-again: cutting again|@self
            crisis self_harm urge-cut: need+|want+|wanna|urge|urges|going ~2 to cut|burn|bleed $|again|tonight|so
            crisis self_harm urge-to-cut: urge|urges ~1 to cut|burn|bleed !costs|back|down|corners|ties|class|hours|out|off
            crisis self_harm cut-again: i|he|she|they ~2 cut+ again|deeper|deep|tonight|last|yesterday|today|earlier|$
            crisis self_harm used-to-cut: used to cut|burn !back|down|my|his|her|out|off|class
            crisis self_harm head-wall: hit+|bang+|punch+ @poss head|fist|hand|fists ~3 against|into|on ~2 wall|walls|floor|door
            crisis self_harm deserve-hurt: deserve+ ~2 hurt|punished|pain|suffer|bleed|suffering
            crisis self_harm bleed: until|till|til|so ~1 i|he|she|it ~1 bleed|bleeds
            review self_harm cuts-on: cuts|scars|burns|marks|cutting on @poss arm|arms|wrist|wrists|leg|legs|thigh|thighs|stomach|body

            # ---------------------------------------------------------------- medical emergency (911 first)
            crisis medical_emergency overdosing: overdosing|oding|odding
            crisis medical_emergency overdosed: overdosed|oded
            # "OD'd" typed without its apostrophe is "odd": only read so right after a subject
            crisis medical_emergency odd: he|she|i|they|@kin|just|almost|nearly odd
            crisis medical_emergency had-overdose: had|having|has|suffered|suffering an|a overdose|od
            crisis medical_emergency not-breathing: not|stopped|barely|hardly|stop|quit|quits ~1 breathing|breathe|breath !properly|right|when|during|while|deeply|through
            crisis medical_emergency not-breathing-right: not|barely breathing right|properly $
            crisis medical_emergency no-pulse: no|weak|faint|not|find ~2 pulse|heartbeat
            crisis medical_emergency blue: turn+|turning|turned|gone|going|went ~1 blue|purple|gray|grey
            crisis medical_emergency blue-lips: lips|face|fingers|skin|fingertips ~3 blue|purple|gray|grey
            crisis medical_emergency wont-wake: will|would not wake [up] !early|before|for|in|on|at|to|me|him|her|them|you
            crisis medical_emergency cant-wake: can|could not wake|rouse @victim [up] !for|before|in|on|early|to
            crisis medical_emergency cant-get-to-wake: can|could not get @victim to wake|respond|breathe|come
            crisis medical_emergency not-waking: not waking [up] $|now
            crisis medical_emergency unresponsive: unresponsive|unconscious|lifeless
            crisis medical_emergency not-responding: not respond+|responding|responsive|moving $|now|at|after|anymore|when
            crisis medical_emergency seizure: having|had|went|gone|started|into ~2 seizure|seizures|convulsions|convulsing|fits
            crisis medical_emergency seizing: seizing|convulsing !up
            crisis medical_emergency withdrawal-seizure: withdrawal|withdrawals|detox|dts ~2 seizure|seizures|seizing|hallucinating|convulsing
            crisis medical_emergency too-much: took|taken|swallowed|used|ate|snorted|injected|shot ~1 too much|many $|of|@drugs|again|earlier|tonight|today
            crisis medical_emergency took-amount: took|taken|swallowed|downed|ate|snorted|injected|popped|chugged ~1 @amount ~2 @pills
            crisis medical_emergency foaming: foaming|foam ~1 at|from the mouth
            crisis medical_emergency call-911: call+|dial+|phone+ ~2 911|ambulance|ems|paramedics|poison
            crisis medical_emergency ambulance: ambulance|paramedics|ems ~2 on|coming|here|arrived
            crisis medical_emergency narcan-given: gave|give|giving|used|use|administered|need ~2 narcan|naloxone !training|kit|kits|class|classes|at|in|to|for
            review medical_emergency cant-breathe: can|could not breathe|breath

            # ---------------------------------------------------------------- safety, abuse
            crisis safety_abuse being-hurt: someone|somebody|he|she|they|@kin|boss|pimp|man|guy ~3 hurting|hitting|beating|abusing|choking|strangling|raping|touching|molesting|threatening|hurts|touches|touched|molested|raped|strangled|choked|assaulted|assaulting|punching|punched|kicking|kicked|slapping|slapped|beats|hits|hit|beat|attacked|attacking|stalking|trafficking @victim
            crisis safety_abuse abuse-verb: choke+|choked|strangle+|strangled|rape+|raped|molest+|molested|assault+|abuse+|abused|beat+|beats|beaten|slap+|punch+|shove+|shoved|kick+|kicked ~1 @victim !with|out|at|to
            crisis safety_abuse being-abused: being|been|getting|am|is|are|got ~2 abused|beaten|raped|molested|assaulted|threatened|trafficked|stalked|choked|strangled
            crisis safety_abuse threat-said: say+|said|says|told|swore|promised ~5 kill|shoot|stab|strangle @victim
            crisis safety_abuse threatened: threaten+|threatened|threatening|threatens ~5 kill|hurt|shoot|stab|beat|burn|strangle @victim
            crisis safety_abuse going-to-hurt: he|she|they|someone|somebody|@kin ~4 going|will|wants|want|trying|tried|about ~2 hurt|shoot|stab|rape|strangle|choke @victim
            # "he'll" and "she'll" typed without the apostrophe
            crisis safety_abuse hell-hurt: hell|shell ~1 hurt|kill|shoot|stab|beat|strangle @victim
            crisis safety_abuse not-safe: not|never [feel+|feeling] safe $|@where-unsafe
            crisis safety_abuse unsafe: unsafe $|@where-unsafe
            crisis safety_abuse afraid-for-life: afraid|scared|fear+|fearing|terrified|fearful ~1 for @poss life|lives|safety
            crisis safety_abuse afraid-he-will: afraid|scared|terrified|worried|fear ~1 [that] he|she|they|@victim ~3 kill|hurt|shoot|beat|stab @victim
            crisis safety_abuse pushed: push+|shove+|throw+|threw ~1 @victim ~2 down|into|against|across|out|off
            crisis safety_abuse threatened-with: threaten+|threatened @victim with ~1 knife|gun|weapon|bat|knives
            crisis safety_abuse wont-let-leave: not let @victim leave|out|see|call|talk|use|have|eat|sleep
            crisis safety_abuse locked-in: locked|locks|lock ~1 @victim ~1 in|inside
            crisis safety_abuse use-it-on: use+|used ~1 it|gun|knife on @victim
            crisis safety_abuse weapon-threat: pointed|points|pulled|held|holding ~2 gun|knife ~2 at|to @victim
            crisis safety_abuse abusive-now: in|with|live|living ~2 abusive|violent ~1 relationship|partner|husband|wife|boyfriend|girlfriend|home|household|parent|parents|marriage
            crisis safety_abuse trafficked: trafficked|pimped
            review safety_abuse scared-of: afraid|scared|terrified of @victim
            review safety_abuse abusive: abusive|abuser|dv
            review safety_abuse domestic-violence: domestic violence|abuse
            review safety_abuse will-kill-me: going|will|would|gon ~2 kill|murder me|us

            # ---------------------------------------------------------------- substance-use escalation cues
            cue more-to-cope: drink+|drinking|using|smoking|taking|high ~2 more ~6 cope|usual|ever|day|lately|before|numb|forget|sleep|through
            cue to-cope: drink+|drinking|using|high|drugs|pills|weed|alcohol|smoking ~3 to cope|numb|forget|escape|function
            cue cant-stop: not|unable ~2 stop|quit|control ~2 drinking|using|taking|smoking|shooting|drink|use|getting
            cue alone: using|drinking|uses|drink|drinks|shooting|shoot|high|drugs ~2 alone
            cue by-myself: using|drinking|shooting|high ~2 by @self
            cue relapsed: relapsed|relapsing
            cue back-to: back to using|drinking|drugs|pills|the
            cue blacked-out: blacked|blacking out
            cue blackouts: blackouts|blackout
            cue need-drink: need+ ~1 drink|hit|bump|fix|high ~4 through|function|morning|cope
            cue mixing: mix+|combine+ ~3 @pills|@drugs|benzos|alcohol|drinking|wine|beer ~3 alcohol|drinking|booze|wine|beer|vodka|liquor|opioids|@pills|@drugs
            cue hiding-use: hiding ~1 @poss drinking|using|pills|bottles

            # ---------------------------------------------------------------- idioms (low-priority human check)
            idiom dying-to: dying to
            idiom dying-for: dying for a|some|an|the
            idiom killing-it: kill+ it !all
            idiom killing-me: be+|keeps|keep|these|this|that|it ~1 killing|kills me|us
            idiom kills-me: kills me|us
            idiom kill-for: kill+ for
            idiom kill-to-have: kill+ to have|get|be|see
            idiom die-for: die+ for @poss|a|an|the|you|them|him|her|this|that|it|$
            idiom died-laughing: die+|dead ~2 laughing|laughter|embarrassment|shame|boredom|cuteness|cringe|jealousy
            idiom to-death: bored|scared|worried|freezing|frozen|starving|tickled|beaten|loved|sick ~1 to death
            idiom im-dead: i be+ dead !set|serious|tired|sure|wrong|on|last|broke|inside|and
            idiom could-die: could ~1 die $|of|when|right
            idiom shoot-me: shoot|kill me now
            idiom just-shoot-me: just shoot me
            idiom kill-self-laughing: kill+ @self laughing|lol|ha|haha
            idiom kill-self-working: kill+ @self trying|working|over|for
            idiom kill-time: kill+ ~1 time
            idiom foot: shoot+ @self in the foot
            idiom drown-in: drown+ @self in
            idiom over-my-dead-body: over my dead body
            idiom death-of-me: death of me|us
            idiom nearly-died: almost|nearly died|dying|die

            # ---------------------------------------------------------------- topics, not statements
            topic prevention: suicide|overdose|crisis prevention|awareness|training|postvention|research|statistics|rates|screening|screenings|gatekeeper|response
            topic risk-assessment: suicide risk assessment|assessments|screening|screenings
            topic lifeline: suicide and crisis lifeline|line
            topic narcan: narcan|naloxone training|kit|kits|class|classes
            """;
}
