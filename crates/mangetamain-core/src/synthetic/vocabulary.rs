//! Word lists of the synthetic generator: real Food.com-style tags and ingredient names (a few
//! with apostrophes, as in the real files), seasonal and trending items, and words for names,
//! steps, descriptions and reviews. Long tails are filled with generated compound names.

/// Tags nearly every recipe carries on Food.com.
pub const CORE_TAGS: [&str; 4] = ["time-to-make", "course", "main-ingredient", "preparation"];

/// Common tags, most frequent first.
pub const COMMON_TAGS: [&str; 60] = [
    "dietary", "easy", "occasion", "cuisine", "low-in-something", "main-dish", "equipment",
    "number-of-servings", "meat", "vegetables", "taste-mood", "4-hours-or-less", "north-american",
    "3-steps-or-less", "healthy", "low-carb", "low-sodium", "low-cholesterol", "desserts",
    "low-calorie", "low-saturated-fat", "vegetarian", "american", "oven", "low-fat", "for-1-or-2",
    "side-dishes", "poultry", "fruit", "beginner-cook", "kid-friendly", "inexpensive", "comfort-food",
    "for-large-groups", "eggs-dairy", "chicken", "pasta-rice-and-grains", "healthy-2", "beef",
    "appetizers", "european", "stove-top", "baking", "high-in-something", "brunch", "one-dish-meal",
    "breakfast", "salads", "soups-stews", "cookies-and-brownies", "seafood", "pork", "italian",
    "dinner-party", "mexican", "asian", "lunch", "snacks", "beverages", "casseroles",
];

/// Tags with a season they peak in (index into `Season::ALL`: 0 Winter, 1 Spring, 2 Summer, 3 Autumn).
pub const SEASONAL_TAGS: [(&str, usize); 16] = [
    ("winter", 0), ("christmas", 0), ("new-years", 0), ("valentines-day", 0), ("soups-stews", 0),
    ("spring", 1), ("easter", 1), ("st-patrick's-day", 1), ("mothers-day", 1),
    ("summer", 2), ("grilling", 2), ("4th-of-july", 2), ("picnic", 2),
    ("fall", 3), ("thanksgiving", 3), ("halloween", 3),
];

/// Time tags by the largest minutes they apply to.
pub const TIME_TAGS: [(i64, &str); 5] = [
    (15, "15-minutes-or-less"),
    (30, "30-minutes-or-less"),
    (60, "60-minutes-or-less"),
    (240, "4-hours-or-less"),
    (i64::MAX, "time-to-make"),
];

/// Common ingredients, most frequent first.
pub const COMMON_INGREDIENTS: [&str; 64] = [
    "salt", "butter", "sugar", "onion", "water", "eggs", "olive oil", "flour", "milk",
    "garlic cloves", "pepper", "brown sugar", "garlic", "all-purpose flour", "baking powder", "egg",
    "salt and pepper", "parmesan cheese", "lemon juice", "baking soda", "vegetable oil", "vanilla",
    "black pepper", "cinnamon", "tomatoes", "sour cream", "garlic powder", "vanilla extract", "oil",
    "honey", "onions", "cream cheese", "garlic clove", "celery", "unsalted butter", "cheddar cheese",
    "granulated sugar", "ground cinnamon", "chicken broth", "carrots", "mayonnaise", "potatoes",
    "fresh parsley", "paprika", "worcestershire sauce", "soy sauce", "ground beef", "green onions",
    "dijon mustard", "nutmeg", "ground nutmeg", "chili powder", "heavy cream", "ground cumin",
    "red onion", "lime juice", "confectioners' sugar", "boneless skinless chicken breasts",
    "cornstarch", "dried oregano", "bacon", "cheese", "fresh ground black pepper", "mozzarella cheese",
];

/// Ingredients with the season they peak in (0 Winter, 1 Spring, 2 Summer, 3 Autumn).
pub const SEASONAL_INGREDIENTS: [(&str, usize); 16] = [
    ("asparagus", 1), ("peas", 1), ("strawberries", 1), ("rhubarb", 1),
    ("tomatoes", 2), ("zucchini", 2), ("basil", 2), ("corn", 2),
    ("butternut squash", 3), ("pumpkin", 3), ("brussels sprouts", 3), ("sweet potato", 3),
    ("kale", 0), ("cabbage", 0), ("cranberries", 0), ("lemon", 0),
];

/// Ingredients whose use grows over the years.
pub const TRENDING_INGREDIENTS: [&str; 5] = ["quinoa", "kale", "avocado", "sriracha", "tofu"];

/// Words for generated ingredient and tag names in the long tail.
pub const QUALIFIERS: [&str; 24] = [
    "fresh", "dried", "ground", "chopped", "frozen", "canned", "low-fat", "sweet", "smoked",
    "roasted", "toasted", "light", "dark", "baby", "wild", "red", "green", "yellow", "white",
    "whole", "plain", "spicy", "organic", "reduced-sodium",
];

/// Food nouns for generated names.
pub const FOODS: [&str; 48] = [
    "chicken", "beef", "pork", "salmon", "shrimp", "tuna", "turkey", "lamb", "rice", "pasta",
    "noodles", "beans", "lentils", "chickpeas", "spinach", "mushrooms", "peppers", "cheese",
    "yogurt", "cream", "bread", "tortillas", "apples", "pears", "peaches", "blueberries", "cherries",
    "walnuts", "pecans", "almonds", "oats", "coconut", "chocolate", "ginger", "cilantro", "mint",
    "thyme", "rosemary", "sage", "dill", "mustard", "vinegar", "broth", "sausage", "ham", "eggplant",
    "cauliflower", "broccoli",
];

/// Dish words for recipe names.
pub const DISHES: [&str; 24] = [
    "soup", "salad", "casserole", "pie", "cake", "cookies", "bread", "stew", "chili", "stir fry",
    "muffins", "tacos", "pasta", "curry", "dip", "sauce", "bars", "pancakes", "smoothie", "roast",
    "burgers", "wraps", "quiche", "crumble",
];

/// Verbs and objects for step texts.
pub const STEP_TEMPLATES: [&str; 16] = [
    "preheat oven to {n} degrees",
    "in a large bowl , mix the {a} and {b}",
    "add {a} , stirring well",
    "cook over medium heat for {n} minutes",
    "don't overmix the {a}",
    "pour into a greased {n} inch pan",
    "bake for {n} minutes or until golden",
    "season with salt and pepper to taste",
    "chop the {a} into 1 / 2-inch pieces",
    "bring {a} to a boil , then reduce heat",
    "let stand {n} minutes before serving",
    "whisk {a} , {b} and {c} together",
    "serve warm with {a}",
    "refrigerate at least {n} hours",
    "stir in the {a} and simmer",
    "it's best the next day",
];

/// Sentences for descriptions (with quotes, commas and apostrophes, as real ones have).
pub const DESCRIPTION_SENTENCES: [&str; 12] = [
    "this is my mom's recipe , and it's always a hit.",
    "a quick weeknight dinner, ready in no time.",
    "my family calls this \"the best ever\".",
    "adapted from a magazine, with less sugar.",
    "great for potlucks; doubles easily.",
    "you can use {a} instead of {b}.",
    "perfect for a cold winter day.",
    "light, fresh and summery.",
    "kids love it!",
    "from an old church cookbook.",
    "serve with crusty bread.",
    "the secret is the {a}.",
];

/// Phrases for reviews, HTML-escaped as on Food.com.
pub const REVIEW_PHRASES: [&str; 14] = [
    "Great recipe, thanks for posting!",
    "I didn&#039;t have {a} so I used {b}.",
    "My husband loved it.",
    "Made this for a party &amp; everyone asked for the recipe.",
    "A little bland for our taste, added more {a}.",
    "Will make again!<br/><br/>Thanks!",
    "Easy and &quot;delicious&quot;.",
    "Too sweet for us.",
    "I cut the recipe in half, worked perfectly.",
    "Followed the recipe exactly, turned out dry.",
    "Made for ZWT, loved the {a}.",
    "So simple, so good.",
    "Thanks for a keeper!",
    "Not what I expected, but okay.",
];
