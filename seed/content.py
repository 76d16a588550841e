"""Text for the demo population's background posts: everyday, synthetic, no patient details."""

PERSONA_KINDS = ("member", "patient", "relative", "colleague", "journalist", "recruiter", "member", "troll")

BACKGROUND = {
    "microblog": [
        "Flu shot clinic at the {city} library this {weekday}, no appointment needed. #fluseason",
        "Reminder: hand washing still beats every gadget on the market. 20 seconds, soap, water. "
        "#publichealth",
        "Anyone else's pharmacy out of the kids' allergy syrup this week? Third one I've tried in {city}.",
        "Heat advisory for {city} today. Check on older neighbours and drink water before you're thirsty.",
        "{n} years volunteering at the blood drive and the cookies are still the best part. "
        "Go donate! #giveblood",
        "Hot take: hospital parking should be free. That's it, that's the tweet.",
        "Our running club raised money for the children's ward again. Proud of this crew. #{city_tag}Runs",
        "PSA: the new walk-in clinic hours are 8 to 8 on weekdays. Saved me a trip to the ER last month.",
        "Listening to a great podcast on sleep hygiene. Phone out of the bedroom, starting tonight.",
        "Can we talk about how long the wait for a dermatology appointment is? {n} months!",
        "Sunscreen in {weekday}'s forecast, apparently. Reapply, people.",
        "Finally booked my mammogram after putting it off for a year. Go book yours, it took ten minutes.",
        "Whoever invented the reusable water bottle with the time markings: thank you. #hydration",
        "Quiet bus this morning. Everyone's either asleep or coughing. Wash your hands out there.",
        "The {city} farmers market has a free nutrition talk at 11. Bringing my mum.",
        "Today I learned you can text the pharmacy for refills. Life changed.",
        "Reminder that mental health days are health days. Logging off for the evening.",
        "Just did my first CPR refresher in {n} years. The song is still Stayin' Alive.",
        "Our street's little free library now has a shelf of large-print books. Small joys.",
        "Step count today: {n} thousand, mostly looking for my car keys.",
    ],
    "social": [
        "Family picnic at {city} park this {weekday}! Bring a dish and sunscreen.",
        "So proud of my sister, she finished her nursing degree today!! Dinner on me.",
        "Does anyone have a recommendation for a good pediatric dentist near {city}? Asking for my neighbor.",
        "Free blood pressure checks at the community center next {weekday}, 10 to 2.",
        "Throwback to the charity 5K last spring. Signing up again, who's in?",
        "Our church food drive collected {n} hundred cans this month. Thank you all!",
        "Gentle reminder that the hospital gift shop closes at 6 now. Learned that the hard way.",
        "Looking for carpool buddies for the early shift at the medical center. DM me!",
        "Made the lemon bars from {first}'s recipe and they're gone already.",
        "Schools in {city} are hosting a vaccine clinic before the new term. Details on the district site.",
        "Anyone selling a kids' bike helmet? Ours has seen better days.",
        "Book club pick this month is about the history of the flu. Surprisingly gripping!",
        "Happy retirement to {first} after {n} decades at the front desk of the clinic. We'll miss you!",
        "The {city} pool has adult swim lessons on {weekday} nights. Never too late, right?",
        "Power's back on. Thank you to the crews who worked all night.",
        "Our neighbourhood walking group meets at 7 by the library. All paces welcome.",
        "Tried the new bakery on Main Street. The sourdough is worth the queue.",
        "Garage sale this {weekday}: baby clothes, a treadmill we never used, and a lot of mugs.",
        "Proud of my dad for finishing the stop-smoking course. {n} weeks and counting!",
        "Who else is watching the regional choir concert stream tonight?",
    ],
    "professional": [
        "Excited to share that our unit cut discharge delays by a third this quarter. "
        "Credit to the whole team.",
        "We're hiring! Night-shift RNs for our medical-surgical unit in {city}. Competitive differentials.",
        "Five lessons from {n} years in hospital quality improvement. Thread below.",
        "Honoured to speak at the regional nursing leadership summit next {weekday} about safe staffing.",
        "Congratulations to {first} on becoming our new clinical nurse educator!",
        "Interesting study on hand-off communication and errors. How does your team do shift reports?",
        "Grateful for mentors who answer the same question twice without sighing.",
        "Our pharmacy residents presented their research today. The future of the profession is bright.",
        "Reminder for recruiters: please read the profile before sending the message. Thanks!",
        "Telehealth isn't going anywhere. What's one workflow change that made it work for your clinic?",
        "After {n} years at the bedside I'm moving into nursing informatics. Excited and a little nervous.",
        "Our falls-prevention project won the regional quality award. Proud of the night team.",
        "Looking for a mentor in healthcare communications. Happy to buy the coffee.",
        "Great turnout at the {city} career fair today. So many students interested in respiratory therapy.",
        "We've published our free guide to plain-language discharge instructions. Link in the comments.",
        "Hot take: the best handover tool is still a quiet room and five uninterrupted minutes.",
        "Celebrating {first}'s tenth year as our infection prevention lead. Thank you for keeping us honest.",
        "Certification exam passed! Thank you to everyone who quizzed me at lunch.",
        "Speaking on a panel about rural health workforce next {weekday}. Questions welcome beforehand.",
        "What's one thing you wish you'd known in your first year as a new graduate nurse?",
    ],
    "reviews": [
        "Parking was easy and the waiting room was clean. Check-in took about {n} minutes.",
        "The new online booking works well. Got a {weekday} slot the same week.",
        "Front desk staff in the {city} office are friendly and explain the forms.",
        "Easy to find, lifts work, and the signs are clear. Waited about {n} minutes.",
        "Appointment reminder texts came through on time, which I appreciated.",
        "The waiting area is bright and has a small play corner for kids.",
    ],
}

REVIEWS = [
    (5, "Friendly staff, short wait, and the nurse explained everything clearly. Would recommend."),
    (2, "Waited over an hour past my appointment time and nobody told us why. Frustrating."),
    (4, "Good care but the billing office is hard to reach by phone."),
    (1, "Rude front desk and they charged my card twice. Never again."),
    (5, "The doctor actually listened. First time in years I felt heard."),
    (3, "Clean office, but parking is a nightmare on weekdays."),
    (4, "Quick check-in and a clear explanation of the bill afterwards."),
    (2, "Phone line was busy for two days before anyone picked up."),
    (5, "They fitted me in the same day when my usual practice couldn't."),
    (3, "Nice people, but the appointment ran forty minutes late."),
    (4, "Very clean, and the online forms saved time at the desk."),
    (1, "Cancelled on me twice by text the night before. Found somewhere else."),
    (5, "The receptionist remembered my name and made the whole visit less stressful."),
    (4, "Good experience overall. The car park could use better lighting."),
]

# A line or two about themselves, as people write them, per persona kind (no health details).
BIOS = {
    "member": [
        "{city} born and raised. Coffee, dogs and long walks.",
        "Parent of {n}. Amateur baker. Opinions are mine.",
        "Weekend cyclist, weekday accountant. {city}.",
        "Gardening, crosswords and the local football club.",
    ],
    "patient": [
        "Retired teacher in {city}. Grandkids, books, the allotment.",
        "Just here for the neighbourhood news and the cat pictures.",
        "Working mum, part-time student, full-time tired.",
    ],
    "relative": [
        "Daughter, sister, dog person. {city}.",
        "Husband, dad of {n}, bad golfer.",
        "Looking after my parents and trying to look after myself too.",
    ],
    "colleague": [
        "RN, {n} years on a busy medical ward. Views my own.",
        "Physiotherapist. Tea drinker. Posts are personal, not my employer's.",
        "Charge nurse and preceptor. Proud of new grads.",
    ],
    "journalist": [
        "Health reporter at the {city} Courier. Tips welcome by DM.",
        "Freelance journalist covering hospitals and public health.",
    ],
    "recruiter": [
        "Healthcare talent partner. Hiring nurses and allied health across the region.",
        "Connecting clinicians with roles they love. Let's talk.",
    ],
    "troll": [
        "Just asking questions. Not a bot.",
        "I say what everyone's thinking.",
    ],
}
