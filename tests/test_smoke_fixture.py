def test_fixtures_build(seed_pack, multi_pack):
    assert seed_pack.articles[0].source.name == "allafrica.com"
    assert len(multi_pack.articles) == 3
