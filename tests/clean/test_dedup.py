from pipeline.clean.dedup import find_near_duplicates, minhash_signature, signature_similarity

STORY = ("The central bank raised its main interest rate by a quarter of a point on Thursday, the third increase "
         "this year, saying inflation remained well above its target despite a slowdown in consumer spending. "
         "The governor told reporters that further rises could not be ruled out if energy prices kept climbing, "
         "while several economists warned that higher borrowing costs would weigh on the housing market.")
OTHER = ("Heavy rain caused flooding in several villages in the north of the region overnight, forcing dozens of "
         "families to leave their homes, while firefighters rescued a driver trapped in his car on a submerged road. "
         "Schools remained closed on Friday and the regional authorities opened a crisis centre in the town hall.")


def test_wire_story_on_two_sites_is_duplicate():
    copy = "By Staff Writer. " + STORY + " Follow us for more news."
    out = find_near_duplicates([("a", STORY), ("b", OTHER), ("c", copy)], threshold=0.8)
    assert out == {"c": "a"}


def test_canonical_is_first_and_chains_collapse():
    v2 = STORY.replace("Thursday", "Thursday morning")
    v3 = v2.replace("the housing market", "the property market")
    out = find_near_duplicates([("x", STORY), ("y", v2), ("z", v3)], threshold=0.8)
    assert out == {"y": "x", "z": "x"}


def test_distinct_stories_not_merged_and_empty_ignored():
    assert find_near_duplicates([("a", STORY), ("b", OTHER), ("c", ""), ("d", "")]) == {}


def test_signature_stable_and_comparable():
    s1, s2, s3 = minhash_signature(STORY), minhash_signature(STORY + " Extra words here."), minhash_signature(OTHER)
    assert len(s1) == 128 and all(isinstance(v, int) for v in s1)
    assert s1 == minhash_signature(STORY)
    assert signature_similarity(s1, s2) > 0.8 > signature_similarity(s1, s3)
