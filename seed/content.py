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
        "Our running club raised money for the children's ward again. Proud of this crew. #{city}runs",
        "PSA: the new walk-in clinic hours are 8 to 8 on weekdays. Saved me a trip to the ER last month.",
        "Listening to a great podcast on sleep hygiene. Phone out of the bedroom, starting tonight.",
        "Can we talk about how long the wait for a dermatology appointment is? {n} months!",
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
    ],
    "reviews": [
        "Parking was easy and the waiting room was clean. Check-in took about {n} minutes.",
        "The new online booking works well. Got a {weekday} slot the same week.",
        "Front desk staff in the {city} office are friendly and explain the forms.",
    ],
}

REVIEWS = [
    (5, "Friendly staff, short wait, and the nurse explained everything clearly. Would recommend."),
    (2, "Waited over an hour past my appointment time and nobody told us why. Frustrating."),
    (4, "Good care but the billing office is hard to reach by phone."),
    (1, "Rude front desk and they charged my card twice. Never again."),
    (5, "The doctor actually listened. First time in years I felt heard."),
    (3, "Clean office, but parking is a nightmare on weekdays."),
]
